// Tells browsers about conversations whose caretaker changed, after the transaction committed.
// Each change carries who could see the conversation before, so those who lost it are told to drop it.
import { publishConversation } from "@/lib/inbox/publish-changes";
import { logger } from "@/lib/logger";
import type { ServerEventPayload } from "@/lib/realtime/events";

export interface ConversationChange {
  conversationId: string;
  /** The rooms that could see the conversation before the change (conversationAudience). */
  previousAudience?: string[];
  removal?: Omit<ServerEventPayload<"conversation:removed">, "conversationId">;
}

export async function publishAssignmentChanges(changes: readonly ConversationChange[]): Promise<void> {
  // A conversation can change twice in one transaction (orphaned, then redistributed): the first
  // snapshot of its audience is the one the browsers still hold.
  const byConversation = new Map<string, ConversationChange>();
  for (const change of changes) if (!byConversation.has(change.conversationId)) byConversation.set(change.conversationId, change);
  for (const change of byConversation.values()) {
    try {
      await publishConversation(change.conversationId, { previousAudience: change.previousAudience, removal: change.removal });
    } catch (error) {
      // The change is committed; a missed live update is repaired by the client's refetch on reconnect.
      logger.warn("Could not publish an assignment change", { conversationId: change.conversationId, error });
    }
  }
}
