-- AlterTable
ALTER TABLE "HistorySync" ADD COLUMN     "catchUpSince" TIMESTAMP(3),
ADD COLUMN     "conversationsDistributed" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "pendingPolicy" "OldConversationPolicy",
ADD COLUMN     "policyAppliedAt" TIMESTAMP(3),
ADD COLUMN     "retryAt" TIMESTAMP(3),
ADD COLUMN     "run" INTEGER NOT NULL DEFAULT 0;
