// Test databases on a real PostgreSQL: TEST_DATABASE_URL, else DATABASE_URL, else an embedded
// server under .data/. Each run migrates a template once; every test file gets a fresh clone.
import path from "node:path";
import pg from "pg";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "../../lib/server/embedded-database";
import { embeddedDatabaseUrl } from "../../lib/server/embedded-database-url";

const EMBEDDED_TEST_PORT = 54339;
const EMBEDDED_TEST_PASSWORD = "test";

export interface TestServer {
  /** A URL on the server with the database part left to `urlFor`. */
  baseUrl: string;
  embedded?: EmbeddedDatabase;
}

/** The configured test server, if any. */
function configuredBaseUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;
}

/** Where test databases live, for a process that did not start the server itself (e2e specs). */
export function testServerBaseUrl(): string {
  return configuredBaseUrl() ?? embeddedDatabaseUrl(EMBEDDED_TEST_PASSWORD, EMBEDDED_TEST_PORT);
}

export async function startTestServer(): Promise<TestServer> {
  const configured = configuredBaseUrl();
  if (configured) return { baseUrl: configured };
  const embedded = await startEmbeddedDatabase({
    dataDir: path.resolve(".data/test"),
    port: EMBEDDED_TEST_PORT,
    password: EMBEDDED_TEST_PASSWORD,
    log: (line) => console.log(line),
  });
  return { baseUrl: embedded.url, embedded };
}

export function urlFor(baseUrl: string, database: string): string {
  const url = new URL(baseUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withAdminClient<T>(baseUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: urlFor(baseUrl, "postgres") });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function recreateDatabase(baseUrl: string, name: string, template?: string): Promise<string> {
  await withAdminClient(baseUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ""}`);
  });
  return urlFor(baseUrl, name);
}

export async function dropDatabase(baseUrl: string, name: string): Promise<void> {
  await withAdminClient(baseUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}
