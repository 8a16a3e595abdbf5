-- CreateEnum
CREATE TYPE "ChannelEventKind" AS ENUM ('taken_over', 'disconnected', 'moved_to_rule', 'made_only_me', 'handed_over');

-- AlterTable
ALTER TABLE "Channel" ADD COLUMN     "ruleRequestedAt" TIMESTAMP(3),
ADD COLUMN     "ruleRequestedById" TEXT;

-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "staffMayConnectOwnPages" BOOLEAN NOT NULL DEFAULT true;
-- On for new workspaces only: in a shop that exists already, channel screens stay admin-only until an
-- admin turns the setting on (agents must not find new screens open without anyone deciding it).
UPDATE "Workspace" SET "staffMayConnectOwnPages" = false;

-- CreateTable
CREATE TABLE "ChannelEvent" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "kind" "ChannelEventKind" NOT NULL,
    "actorUserId" TEXT,
    "ownerUserId" TEXT,
    "detail" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChannelEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ChannelEvent_workspaceId_createdAt_idx" ON "ChannelEvent"("workspaceId", "createdAt");

-- CreateIndex
CREATE INDEX "ChannelEvent_ownerUserId_createdAt_idx" ON "ChannelEvent"("ownerUserId", "createdAt");

-- AddForeignKey
ALTER TABLE "Channel" ADD CONSTRAINT "Channel_ruleRequestedById_fkey" FOREIGN KEY ("ruleRequestedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChannelEvent" ADD CONSTRAINT "ChannelEvent_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChannelEvent" ADD CONSTRAINT "ChannelEvent_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChannelEvent" ADD CONSTRAINT "ChannelEvent_actorUserId_fkey" FOREIGN KEY ("actorUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChannelEvent" ADD CONSTRAINT "ChannelEvent_ownerUserId_fkey" FOREIGN KEY ("ownerUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
