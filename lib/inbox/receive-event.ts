// Stores one normalised incoming event (its own transaction), then tells the browsers allowed to see
// it. Safe to run twice or in parallel for the same event: every write is keyed on platform ids.
import { logger } from "@/lib/logger";
import { isPublishing } from "@/lib/realtime/io";
import { publishReceived, type MessagesToPublish } from "@/lib/inbox/publish-changes";
import { receiveMessage, type ReceiveResult } from "@/lib/inbox/receive-message";
import { receiveReaction } from "@/lib/inbox/receive-reaction";
import type { KnownCustomerAttempt } from "@/lib/inbox/store-known-customer-messages";
import { receiveReceipt } from "@/lib/inbox/receive-receipt";
import type { InboundEvent } from "@/lib/inbox/inbound-event";
import type { ReceivingChannel } from "@/lib/inbox/receiving-channel";

/**
 * Unique violations, serialization failures and deadlocks between two workers handling the same
 * customer at once: running the event again reads what the other one committed.
 */
const RETRYABLE_CODES = new Set(["P2002", "P2034", "23505", "40001", "40P01"]);
const MAX_ATTEMPTS = 3;

/** Prisma puts PostgreSQL's SQLSTATE in `meta.code` for raw queries (P2010) and in `code` otherwise. */
function isRetryableConflict(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, meta, cause } = error as { code?: unknown; meta?: { code?: unknown }; cause?: unknown };
  if ([code, meta?.code].some((value) => typeof value === "string" && RETRYABLE_CODES.has(value))) return true;
  return cause !== undefined && cause !== error && isRetryableConflict(cause);
}

function store(channel: ReceivingChannel, event: InboundEvent, known: KnownCustomerAttempt | undefined): Promise<ReceiveResult> {
  switch (event.kind) {
    case "message":
      return receiveMessage(channel, event, known);
    case "postback":
    case "echo":
      return receiveMessage(channel, event);
    case "reaction":
      return receiveReaction(channel, event);
    case "delivery":
    case "read":
      return receiveReceipt(channel, event);
  }
}

/** `known`: what a message's attempt in its batch's statement found (store-known-customer-messages.ts), when it stored nothing. */
export async function receiveEvent(channel: ReceivingChannel, event: InboundEvent, known?: KnownCustomerAttempt): Promise<ReceiveResult> {
  let result: ReceiveResult | undefined;
  for (let attempt = 1; !result; attempt++) {
    try {
      // A retry looks again: what the batch found may be what the conflict changed.
      result = await store(channel, event, attempt === 1 ? known : undefined);
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS || !isRetryableConflict(error)) throw error;
    }
  }
  await publish({ messageIds: result.messageIds, conversationIds: result.createdConversationId ? [result.createdConversationId] : [] });
  return result;
}

/** Realtime is best effort after commit: the data is stored, and clients catch up on reconnect. */
export async function publish(changes: MessagesToPublish): Promise<void> {
  // Without a Socket.io server (scripts, workers in tests) there is nobody to tell: skip the reads.
  if (!isPublishing() || (changes.messageIds.length === 0 && !changes.conversationIds?.length)) return;
  try {
    await publishReceived(changes);
  } catch (error) {
    logger.error("Could not publish a received event", { error, messageIds: changes.messageIds });
  }
}
