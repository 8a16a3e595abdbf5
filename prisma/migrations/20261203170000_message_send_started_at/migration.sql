-- A send that a dying process left unsettled is told apart from one that failed (deliver-reply.ts).
ALTER TABLE "Message" ADD COLUMN "sendStartedAt" TIMESTAMP(3);
