-- CreateIndex
CREATE INDEX "Conversation_assigneeId_unreadCount_state_workspaceId_idx" ON "Conversation"("assigneeId", "unreadCount", "state", "workspaceId");

-- CreateIndex
CREATE INDEX "Conversation_workspaceId_state_ruleId_assigneeId_idx" ON "Conversation"("workspaceId", "state", "ruleId", "assigneeId");
