// Direct access to the database of the e2e server (tests/e2e/start-e2e-server.ts names it after its
// port), for set-up that no screen offers, e.g. forgetting a page an earlier spec connected.
import pg from "pg";
import { testServerBaseUrl, urlFor } from "../../support/test-database";

export async function withE2eDatabase<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({
    connectionString: urlFor(testServerBaseUrl(), `chat_e2e_${process.env.E2E_PORT ?? "3100"}`),
  });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
