-- CreateTable
CREATE TABLE "EmulatorWorld" (
    "id" TEXT NOT NULL,
    "snapshot" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EmulatorWorld_pkey" PRIMARY KEY ("id")
);
