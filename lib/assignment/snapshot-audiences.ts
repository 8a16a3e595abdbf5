// Who could see each conversation just before a change, read inside the change's transaction: after
// commit, publishAssignmentChanges tells those who lost a conversation to drop it.
import type { Tx } from "@/lib/db";
import { conversationAudience } from "@/lib/inbox/conversation-audience";
import type { ConversationChange } from "@/lib/assignment/publish-assignment-changes";

type Removal = NonNullable<ConversationChange["removal"]>;

/** Unless told otherwise, the conversations leave someone's view because access changed (not a claim or a reassignment). */
export async function snapshotAudiences(
  tx: Tx,
  conversationIds: readonly string[],
  removal: Removal = { reason: "access_changed", byName: null },
): Promise<ConversationChange[]> {
  const changes: ConversationChange[] = [];
  for (const conversationId of conversationIds) {
    changes.push({ conversationId, previousAudience: await conversationAudience(tx, conversationId), removal: { ...removal } });
  }
  return changes;
}
