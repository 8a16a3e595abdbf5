// Demo and development secrets: generated once, kept in .data/ so a restart keeps sessions and
// encrypted tokens readable. A real deployment sets these variables itself (see .env.example).
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const generators = {
  NEXTAUTH_SECRET: () => randomBytes(32).toString("base64url"),
  TOKEN_ENCRYPTION_KEY: () => randomBytes(32).toString("base64"),
  META_APP_SECRET: () => randomBytes(16).toString("hex"),
  META_VERIFY_TOKEN: () => randomBytes(12).toString("hex"),
  ZALO_APP_SECRET: () => randomBytes(16).toString("hex"),
  ZALO_OA_SECRET_KEY: () => randomBytes(16).toString("hex"),
  EMBEDDED_DATABASE_PASSWORD: () => randomBytes(12).toString("hex"),
} as const;

export type LocalSecretName = keyof typeof generators;

export function loadLocalSecrets(dataDir: string): Record<LocalSecretName, string> {
  const file = path.join(dataDir, "local-secrets.json");
  const stored: Partial<Record<LocalSecretName, string>> = existsSync(file)
    ? JSON.parse(readFileSync(file, "utf8"))
    : {};
  let changed = false;
  for (const name of Object.keys(generators) as LocalSecretName[]) {
    if (!stored[name]) {
      stored[name] = generators[name]();
      changed = true;
    }
  }
  if (changed) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
  }
  return stored as Record<LocalSecretName, string>;
}
