-- CreateTable
CREATE TABLE "UploadBlob" (
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "uploadedById" TEXT NOT NULL,
    "uploadedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attachedAt" TIMESTAMP(3),
    "bytes" BYTEA NOT NULL,

    CONSTRAINT "UploadBlob_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "UploadBlob_uploadedAt_idx" ON "UploadBlob"("uploadedAt");

-- Out of line and uncompressed: files are mostly compressed already, and PostgreSQL reads a slice
-- (substring) of an EXTERNAL value without fetching the whole value, so downloads stream in slices.
ALTER TABLE "UploadBlob" ALTER COLUMN "bytes" SET STORAGE EXTERNAL;
