-- AlterTable
ALTER TABLE "HistorySync" ADD COLUMN     "conversationsQueued" INTEGER NOT NULL DEFAULT 0;
