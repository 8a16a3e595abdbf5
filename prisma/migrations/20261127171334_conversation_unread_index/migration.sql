-- CreateIndex
CREATE INDEX "Conversation_workspaceId_unreadCount_idx" ON "Conversation"("workspaceId", "unreadCount");
