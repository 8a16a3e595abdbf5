// Direct access to the database of the e2e server (tests/e2e/start-e2e-server.ts names it after its
// port), for set-up that no screen offers, e.g. forgetting a page an earlier spec connected.
import pg from "pg";
import { urlFor } from "../../support/test-database";

export async function withE2eDatabase<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const base = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!base) throw new Error("This spec needs TEST_DATABASE_URL (the server the e2e database lives on)");
  const client = new pg.Client({
    connectionString: urlFor(base, `chat_e2e_${process.env.E2E_PORT ?? "3100"}`),
  });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
