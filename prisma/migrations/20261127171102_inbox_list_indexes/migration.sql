-- CreateIndex
CREATE INDEX "Conversation_workspaceId_state_lastMessageAt_id_idx" ON "Conversation"("workspaceId", "state", "lastMessageAt" DESC, "id");

-- CreateIndex
CREATE INDEX "Conversation_contactId_idx" ON "Conversation"("contactId");
