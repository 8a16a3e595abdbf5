-- What sellers use all day (issue 15): message templates, the customer card, labels, private notes
-- with @mentions, and search in messages.

-- AlterEnum
ALTER TYPE "MessageDirection" ADD VALUE 'note';

-- AlterTable
ALTER TABLE "Contact" ADD COLUMN     "address" TEXT,
ADD COLUMN     "notes" TEXT,
ADD COLUMN     "phone" TEXT;

-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "searchText" TEXT;

-- CreateTable
CREATE TABLE "MessageTemplate" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "ownerId" TEXT,
    "scope" TEXT NOT NULL,
    "shortcut" TEXT NOT NULL,
    "shortcutKey" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "attachments" JSONB NOT NULL DEFAULT '[]',
    "searchText" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MessageTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Label" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "color" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Label_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConversationLabel" (
    "conversationId" TEXT NOT NULL,
    "labelId" TEXT NOT NULL,
    "addedById" TEXT,
    "addedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConversationLabel_pkey" PRIMARY KEY ("conversationId","labelId")
);

-- CreateTable
CREATE TABLE "NoteMention" (
    "messageId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "seenAt" TIMESTAMP(3),

    CONSTRAINT "NoteMention_pkey" PRIMARY KEY ("messageId","userId")
);


-- "Search in messages": Message."searchText" is `text` folded the way lib/inbox/search-text.ts folds
-- a query: lower case, no Vietnamese diacritics, and phone numbers as digits only ("0912 345 678",
-- "0912.345.678" and "+84 912 345 678" all become "0912345678"). Written by this trigger, like
-- Contact."searchName", so the webhook path's raw inserts, history sync and replies keep it right
-- without knowing it exists.
CREATE FUNCTION "message_search_text"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  folded text := NEW."text";
BEGIN
  IF folded IS NULL OR folded = '' THEN
    NEW."searchText" := NULL;
    RETURN NEW;
  END IF;
  IF current_setting('server_encoding') = 'UTF8' THEN
    folded := translate(regexp_replace(normalize(folded, NFD), '[\u0300-\u036f]', '', 'g'), 'đĐ', 'dd');
  END IF;
  folded := regexp_replace(lower(folded), '\s+', ' ', 'g');
  folded := regexp_replace(folded, '(\d)[ .-](?=\d)', '\1', 'g');
  folded := regexp_replace(folded, '(^|\D)\+?84(\d{9})(?!\d)', '\10\2', 'g');
  NEW."searchText" := btrim(folded);
  RETURN NEW;
END
$$;

CREATE TRIGGER "Message_searchText" BEFORE INSERT OR UPDATE OF "text" ON "Message"
  FOR EACH ROW EXECUTE FUNCTION "message_search_text"();

UPDATE "Message" SET "text" = "text" WHERE "text" IS NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "MessageTemplate_workspaceId_scope_shortcutKey_key" ON "MessageTemplate"("workspaceId", "scope", "shortcutKey");

-- CreateIndex
CREATE UNIQUE INDEX "Label_workspaceId_nameKey_key" ON "Label"("workspaceId", "nameKey");

-- CreateIndex
CREATE INDEX "ConversationLabel_labelId_conversationId_idx" ON "ConversationLabel"("labelId", "conversationId");

-- CreateIndex
CREATE INDEX "NoteMention_userId_seenAt_idx" ON "NoteMention"("userId", "seenAt");

-- CreateIndex
CREATE INDEX "Contact_phone_idx" ON "Contact"("phone");

-- CreateIndex
CREATE INDEX "Message_searchText_idx" ON "Message" USING GIN ("searchText" gin_trgm_ops);

-- AddForeignKey
ALTER TABLE "MessageTemplate" ADD CONSTRAINT "MessageTemplate_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MessageTemplate" ADD CONSTRAINT "MessageTemplate_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Label" ADD CONSTRAINT "Label_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConversationLabel" ADD CONSTRAINT "ConversationLabel_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConversationLabel" ADD CONSTRAINT "ConversationLabel_labelId_fkey" FOREIGN KEY ("labelId") REFERENCES "Label"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NoteMention" ADD CONSTRAINT "NoteMention_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "Message"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NoteMention" ADD CONSTRAINT "NoteMention_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
