-- A message may quote another of the conversation (an agent's "Trả lời", a customer's reply on Zalo
-- or Messenger): our row of the quoted message, kept beside the platform's id already stored.
ALTER TABLE "Message" ADD COLUMN "quotedMessageId" TEXT;

CREATE INDEX "Message_quotedMessageId_idx" ON "Message"("quotedMessageId");

ALTER TABLE "Message" ADD CONSTRAINT "Message_quotedMessageId_fkey" FOREIGN KEY ("quotedMessageId") REFERENCES "Message"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Customers' replies stored before this change find the message they quote.
UPDATE "Message" AS m SET "quotedMessageId" = q.id
FROM "Message" AS q
WHERE m."replyToPlatformMessageId" IS NOT NULL AND q."channelId" = m."channelId" AND q."platformMessageId" = m."replyToPlatformMessageId";
