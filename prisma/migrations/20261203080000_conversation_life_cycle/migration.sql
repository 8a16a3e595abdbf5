-- Conversation life cycle (closed / reopened / transferred), availability with open inbox tabs, and
-- the distribution options of a rule (only available staff, a cap, least loaded, reply timeout).

-- CreateEnum
CREATE TYPE "Availability" AS ENUM ('available', 'away');

-- AlterEnum
ALTER TYPE "AssignmentEventKind" ADD VALUE 'closed';
ALTER TYPE "AssignmentEventKind" ADD VALUE 'reopened';
ALTER TYPE "AssignmentEventKind" ADD VALUE 'transferred';

-- AlterEnum
ALTER TYPE "AssignmentMethod" ADD VALUE 'least_loaded';

-- AlterTable
ALTER TABLE "AssignmentEvent" ADD COLUMN     "note" TEXT;

-- AlterTable: existing rules keep distributing to everyone; new ones default to available staff only.
ALTER TABLE "AssignmentRule" ADD COLUMN     "maxOpenPerAgent" INTEGER,
ADD COLUMN     "onlyAvailable" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "reassignAfterMinutes" INTEGER;
ALTER TABLE "AssignmentRule" ALTER COLUMN "onlyAvailable" SET DEFAULT true;

-- AlterTable
ALTER TABLE "Conversation" ADD COLUMN     "awaitingReplySince" TIMESTAMP(3),
ADD COLUMN     "timeoutReassignedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "availability" "Availability" NOT NULL DEFAULT 'available',
ADD COLUMN     "availabilityChangedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "lastInboxSeenAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "InboxTab" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InboxTab_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "InboxTab_userId_lastSeenAt_idx" ON "InboxTab"("userId", "lastSeenAt");

-- CreateIndex
CREATE INDEX "Conversation_ruleId_awaitingReplySince_idx" ON "Conversation"("ruleId", "awaitingReplySince");

-- AddForeignKey
ALTER TABLE "InboxTab" ADD CONSTRAINT "InboxTab_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
