// Where the embedded PostgreSQL listens, shared by the app's start-up and prisma.config.ts (so
// `npx prisma migrate status` finds the embedded database while the app runs).
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

export const EMBEDDED_DATABASE_PORT = 54329;
export const EMBEDDED_DATABASE_NAME = "chat";

export function embeddedDatabaseUrl(password: string, port = EMBEDDED_DATABASE_PORT): string {
  return `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${EMBEDDED_DATABASE_NAME}`;
}

/** The embedded database's URL if this checkout has created one (DATA_DIR/local-secrets.json). */
export function existingEmbeddedDatabaseUrl(dataDir = path.resolve(".data"), port = EMBEDDED_DATABASE_PORT): string | undefined {
  const secretsFile = path.join(dataDir, "local-secrets.json");
  if (!existsSync(path.join(dataDir, "postgres", "PG_VERSION")) || !existsSync(secretsFile)) return undefined;
  const { EMBEDDED_DATABASE_PASSWORD: password } = JSON.parse(readFileSync(secretsFile, "utf8"));
  return typeof password === "string" ? embeddedDatabaseUrl(password, port) : undefined;
}
