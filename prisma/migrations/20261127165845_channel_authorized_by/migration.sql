-- AlterTable
ALTER TABLE "Channel" ADD COLUMN     "authorizedByPlatformUserId" TEXT;

-- CreateIndex
CREATE INDEX "Channel_platform_authorizedByPlatformUserId_idx" ON "Channel"("platform", "authorizedByPlatformUserId");
