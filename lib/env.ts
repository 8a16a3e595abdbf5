// The only reader of process.env: every variable is declared and validated here, once.
import { z } from "zod";
import { isProxyEntry } from "@/lib/http/client-address";

const booleanString = z
  .enum(["true", "false", "1", "0"])
  .transform((value) => value === "true" || value === "1");

const base64Key = z
  .string()
  .refine((value) => Buffer.from(value, "base64").length === 32, "must be 32 bytes, base64-encoded");

/** A comma-separated list, each entry an address or CIDR block (lib/http/client-address.ts). */
const proxyList = z
  .string()
  .transform((value) => value.split(",").map((entry) => entry.trim()).filter((entry) => entry !== ""))
  .refine((entries) => entries.every(isProxyEntry), "must be comma-separated addresses or CIDR blocks, e.g. 10.0.0.0/8,::1");

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Public URL of the app, used for OAuth redirects and next-auth. */
  APP_URL: z.url().default("http://localhost:3000"),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }),
  NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters"),
  TOKEN_ENCRYPTION_KEY: base64Key,
  /** Demo mode: the Meta emulator stands in for Facebook and demo data is seeded. */
  DEMO_MODE: booleanString.default(false),
  META_APP_ID: z.string().min(1),
  META_APP_SECRET: z.string().min(8),
  META_VERIFY_TOKEN: z.string().min(8),
  META_GRAPH_URL: z.url().default("https://graph.facebook.com"),
  META_DIALOG_URL: z.url().default("https://www.facebook.com"),
  META_GRAPH_VERSION: z.string().regex(/^v\d+\.\d+$/, "must look like v27.0").default("v27.0"),
  META_EMULATOR_PORT: z.coerce.number().int().min(1).max(65535).default(4010),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  /** Where files attached to replies are kept; Facebook fetches them from APP_URL/api/uploads/<id>. */
  UPLOADS_DIR: z.string().min(1).default(".data/uploads"),
  /** Proxies whose X-Forwarded-For is believed for the client's address (sign-in throttling); none by default. */
  TRUSTED_PROXIES: proxyList.default([]),
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {}

/** Turns zod's issues into one sentence per variable, e.g. "NEXTAUTH_SECRET is missing." */
function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const name = String(issue.path[0]);
      return issue.code === "invalid_type" && issue.input === undefined
        ? `${name} is missing.`
        : `${name} is invalid: ${issue.message}.`;
    })
    .join(" ");
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  // An empty assignment in .env (`NAME=`) means "not set", so defaults and "is missing" apply.
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const result = envSchema.safeParse(present);
  if (!result.success) throw new EnvError(`Configuration error. ${describeIssues(result.error)}`);
  return result.data;
}

const cache = globalThis as unknown as { __env?: Env };

/** Validated environment, parsed on first use (after server.ts has prepared demo defaults). */
export function env(): Env {
  cache.__env ??= parseEnv(process.env);
  return cache.__env;
}
