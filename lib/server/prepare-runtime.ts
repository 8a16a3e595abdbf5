// Everything that must hold before the app serves a request: configuration (with generated local
// secrets in demo mode), a database (the configured one or the embedded one), and migrations.
import { existsSync } from "node:fs";
import path from "node:path";
import { env, isDemoMode, storageSettings } from "@/lib/env";
import { loadLocalSecrets } from "@/lib/server/local-secrets";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "@/lib/server/embedded-database";
import { runMigrations } from "@/lib/server/run-migrations";

export interface Runtime {
  demoMode: boolean;
  embeddedDatabase?: EmbeddedDatabase;
}

/** Fills a variable the operator left unset (or empty, as `NAME=` in .env). */
function setDefault(name: string, value: string) {
  if (!process.env[name]) process.env[name] = value;
}

export async function prepareRuntime(log: (line: string) => void): Promise<Runtime> {
  if (existsSync(".env")) process.loadEnvFile(".env");
  const storage = storageSettings();
  const dataDir = path.resolve(storage.DATA_DIR);
  setDefault("UPLOADS_DIR", path.join(dataDir, "uploads"));

  // Demo mode unless a platform is configured: the emulators stand in for the platforms.
  const demoMode = isDemoMode(process.env);
  const secrets = loadLocalSecrets(dataDir);
  if (demoMode || process.env.NODE_ENV !== "production") {
    setDefault("NEXTAUTH_SECRET", secrets.NEXTAUTH_SECRET);
    setDefault("TOKEN_ENCRYPTION_KEY", secrets.TOKEN_ENCRYPTION_KEY);
  }
  if (demoMode) {
    const appUrl = new URL(process.env.APP_URL ?? `http://localhost:${process.env.PORT ?? 3000}`);
    const emulatorPort = process.env.META_EMULATOR_PORT ?? "4010";
    setDefault("DEMO_MODE", "true");
    setDefault("META_APP_ID", "demo-app");
    setDefault("META_APP_SECRET", secrets.META_APP_SECRET);
    setDefault("META_VERIFY_TOKEN", secrets.META_VERIFY_TOKEN);
    setDefault("META_GRAPH_URL", `http://127.0.0.1:${emulatorPort}`);
    // The OAuth dialog is opened by the browser, so it uses the host the user reaches the app on.
    setDefault("META_DIALOG_URL", `${appUrl.protocol}//${appUrl.hostname}:${emulatorPort}`);
    // The demo's Zalo app: one emulator port plays both of Zalo's hosts. The permission page is
    // opened by the browser, the Open API is called by the server.
    const zaloEmulatorPort = process.env.ZALO_EMULATOR_PORT ?? "4020";
    setDefault("ZALO_APP_ID", "1000000000000000001");
    setDefault("ZALO_APP_SECRET", secrets.ZALO_APP_SECRET);
    setDefault("ZALO_OA_SECRET_KEY", secrets.ZALO_OA_SECRET_KEY);
    setDefault("ZALO_OAUTH_URL", `${appUrl.protocol}//${appUrl.hostname}:${zaloEmulatorPort}`);
    setDefault("ZALO_API_URL", `http://127.0.0.1:${zaloEmulatorPort}`);
  }

  // next-auth reads its public URL from NEXTAUTH_URL; ours is APP_URL.
  setDefault("NEXTAUTH_URL", process.env.APP_URL ?? `http://localhost:${process.env.PORT ?? 3000}`);

  let embeddedDatabase: EmbeddedDatabase | undefined;
  if (!process.env.DATABASE_URL) {
    embeddedDatabase = await startEmbeddedDatabase({
      dataDir,
      port: storage.EMBEDDED_DATABASE_PORT,
      password: secrets.EMBEDDED_DATABASE_PASSWORD,
      log,
    });
    process.env.DATABASE_URL = embeddedDatabase.url;
    log(`DATABASE_URL is not set: using the embedded PostgreSQL (data in ${path.join(dataDir, "postgres")}).`);
  }

  try {
    env();
    await runMigrations(env().DATABASE_URL);
  } catch (error) {
    await embeddedDatabase?.stop();
    throw error;
  }
  return { demoMode, embeddedDatabase };
}
