-- Message ids come from the database, so the webhook's one-statement insert (receive-message.ts)
-- needs no id from the client. Existing ids stay as they are.
ALTER TABLE "Message" ALTER COLUMN "id" SET DEFAULT (gen_random_uuid())::text;
