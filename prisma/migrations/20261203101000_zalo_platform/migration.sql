-- Zalo Official Accounts as a platform, with what their tokens need: the access token lives 25 h and
-- is renewed with a single-use refresh token, kept sealed (AES-256-GCM) like the access token.
ALTER TYPE "Platform" ADD VALUE 'zalo';

ALTER TABLE "Channel" ADD COLUMN "refreshTokenEnc" TEXT,
ADD COLUMN "tokenRefreshedAt" TIMESTAMP(3);

ALTER TABLE "ChannelAuthorization" ADD COLUMN "refreshTokenEnc" TEXT;
