// `npm run admin:create -- --name "Chủ shop" --email chu@shop.vn [--shop "Tên cửa hàng"]`: creates an
// admin from a shell. The password is typed without echo, or read from standard input when it is
// not a terminal (`printf '%s\n' "$PASSWORD" | npm run admin:create -- …`), never from the command
// line, where other users of the machine could read it in the process list.
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { ZodError } from "zod";
import { prepareRuntime } from "@/lib/server/prepare-runtime";
import { disconnectDb } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { createAdminAccount } from "@/lib/setup/create-admin-account";

const { values } = parseArgs({ options: { name: { type: "string" }, email: { type: "string" }, shop: { type: "string" } } });

async function ask(question: string): Promise<string> {
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return (await prompt.question(question)).trim();
  } finally {
    prompt.close();
  }
}

/** Reads a line from the terminal, showing nothing of what is typed. */
async function askHidden(question: string): Promise<string> {
  process.stdout.write(question);
  const prompt = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  // readline echoes through _writeToOutput; silencing it hides the characters, not the prompt above.
  (prompt as unknown as { _writeToOutput: (text: string) => void })._writeToOutput = () => {};
  try {
    return await prompt.question("");
  } finally {
    prompt.close();
    process.stdout.write("\n");
  }
}

async function readStdinLine(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0] ?? "";
}

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) return readStdinLine();
  const password = await askHidden("Password (at least 8 characters): ");
  if ((await askHidden("Repeat the password: ")) !== password) throw new Error("The two passwords differ; nothing was created.");
  return password;
}

/** The schemas' reason codes, said as sentences for whoever types the command. */
const reasons: Record<string, string> = {
  password_too_short: "the password must be at least 8 characters",
  password_too_common: "the password is too easy to guess",
};

function describe(error: unknown): string {
  if (error instanceof ZodError) {
    return error.issues.map((issue) => reasons[issue.message] ?? `${issue.path.join(".") || "input"} is not valid`).join("; ") + ".";
  }
  if (error instanceof Error) return error.message;
  return String(error);
}

const interactive = process.stdin.isTTY;
const name = values.name ?? (interactive ? await ask("Name: ") : "");
const email = values.email ?? (interactive ? await ask("Email: ") : "");
let exitCode = 0;
const runtime = await prepareRuntime(() => {});
try {
  const password = await readPassword();
  const { foundedWorkspace } = await createAdminAccount({ name, email, password, shopName: values.shop });
  console.log(
    foundedWorkspace
      ? `Created the shop and its admin ${email}; the setup link no longer works. Sign in at ${env().APP_URL}.`
      : `Added the admin ${email} to the shop.`,
  );
} catch (error) {
  console.error(error instanceof AppError || error instanceof ZodError ? `Nothing was created: ${describe(error)}` : describe(error));
  exitCode = 1;
} finally {
  await disconnectDb();
  await runtime.embeddedDatabase?.stop();
}
process.exit(exitCode);
