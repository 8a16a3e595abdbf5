// prisma/migrations run by the stock Prisma CLI through the offline schema-engine stand-in
// (prisma/engine/): the history matches schema.prisma, re-applies as a no-op, and is recorded the
// way the native engine records it.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { describe, expect, it } from "vitest";

const repoRoot = path.resolve(import.meta.dirname, "../..");
const prismaCli = createRequire(import.meta.url).resolve("prisma/build/index.js");

async function prisma(...args: string[]): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [prismaCli, ...args], {
      cwd: repoRoot,
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: unknown; stdout?: string; stderr?: string };
    return {
      code: typeof failed.code === "number" ? failed.code : -1,
      output: `${failed.stdout}${failed.stderr}`,
    };
  }
}

describe("prisma migrations", () => {
  it("leave the migrated database up to date, and deploying again applies nothing", async () => {
    const status = await prisma("migrate", "status");
    expect(status).toMatchObject({
      code: 0,
      output: expect.stringContaining("Database schema is up to date!"),
    });
    const deploy = await prisma("migrate", "deploy");
    expect(deploy).toMatchObject({
      code: 0,
      output: expect.stringContaining("No pending migrations to apply."),
    });
  });

  it("cover every change in schema.prisma (exit code 2 means a migration is missing)", async () => {
    const diff = await prisma(
      "migrate",
      "diff",
      "--from-migrations",
      "prisma/migrations",
      "--to-schema",
      "prisma/schema.prisma",
      "--exit-code",
    );
    expect(diff).toMatchObject({ code: 0 });
  });

  it("are recorded with each migration file's sha256, as the native engine records them", async () => {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      const { rows } = await client.query<{ migration_name: string; checksum: string }>(
        "SELECT migration_name, checksum FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name",
      );
      expect(rows.length).toBeGreaterThan(0);
      for (const { migration_name, checksum } of rows) {
        const script = await readFile(
          path.join(repoRoot, "prisma/migrations", migration_name, "migration.sql"),
        );
        expect(checksum, migration_name).toBe(createHash("sha256").update(script).digest("hex"));
      }
    } finally {
      await client.end();
    }
  });
});
