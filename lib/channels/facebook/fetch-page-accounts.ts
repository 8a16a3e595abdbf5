// The pages a Facebook user has a role on (GET me/accounts, every result page), with their tasks
// and page tokens. Page tokens stay on the server: callers must not pass them to a browser.
import { z } from "zod";
import { graphRequest } from "@/lib/channels/facebook/graph-client";

const accountSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  category: z.string().optional(),
  tasks: z.array(z.string()).default([]),
  access_token: z.string().min(1).optional(),
  picture: z.object({ data: z.object({ url: z.string() }) }).optional(),
});

const accountsReplySchema = z.object({
  data: z.array(accountSchema),
  paging: z.object({ cursors: z.object({ after: z.string().optional() }).optional(), next: z.string().optional() }).optional(),
});

export interface PageAccount {
  id: string;
  name: string;
  category: string | null;
  tasks: string[];
  pictureUrl: string | null;
  accessToken: string | null;
}

const PAGE_SIZE = 100;
/** A guard against a paging loop; 50 × 100 pages is far beyond any shop. */
const MAX_REQUESTS = 50;

export async function fetchPageAccounts(userToken: string): Promise<PageAccount[]> {
  const accounts: PageAccount[] = [];
  let after: string | undefined;
  for (let request = 0; request < MAX_REQUESTS; request++) {
    const reply = await graphRequest({
      path: "me/accounts",
      accessToken: userToken,
      // Follow the cursor rather than `paging.next`, so the token is only ever sent to the Graph base URL.
      query: { fields: "id,name,category,tasks,access_token,picture", limit: PAGE_SIZE, after },
      schema: accountsReplySchema,
    });
    for (const page of reply.data) {
      accounts.push({
        id: page.id,
        name: page.name,
        category: page.category ?? null,
        tasks: page.tasks,
        pictureUrl: page.picture?.data.url ?? null,
        accessToken: page.access_token ?? null,
      });
    }
    after = reply.paging?.cursors?.after;
    if (!reply.paging?.next || !after) break;
  }
  return accounts;
}
