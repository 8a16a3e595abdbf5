import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "prisma/config";
import { EMBEDDED_DATABASE_PORT, existingEmbeddedDatabaseUrl } from "./lib/server/embedded-database-url.ts";

if (existsSync(".env")) process.loadEnvFile(".env");
// No telemetry call-home: these machines are offline and a production deploy should not phone out.
process.env.CHECKPOINT_DISABLE ??= "1";

// Prisma's native schema engine cannot be downloaded here; prisma/engine/schema-engine.mjs stands
// in for it. Setting PRISMA_SCHEMA_ENGINE_BINARY (e.g. to a native engine) takes precedence.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(
  new URL("./prisma/engine/schema-engine.mjs", import.meta.url),
);

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: {
    path: "prisma/migrations",
    seed: "tsx prisma/seed.ts",
  },
  datasource: {
    // Without DATABASE_URL: the embedded database `npm start` runs (see lib/server/embedded-database.ts).
    // Unset is fine for `prisma generate`; commands that need a database report it.
    url:
      process.env.DATABASE_URL ||
      existingEmbeddedDatabaseUrl(
        path.resolve(process.env.DATA_DIR || ".data"),
        Number(process.env.EMBEDDED_DATABASE_PORT) || EMBEDDED_DATABASE_PORT,
      ),
  },
});
