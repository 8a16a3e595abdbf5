-- Platform lists only platforms with a ChannelProvider (lib/channels/registry.ts): 'zalo' comes back
-- with its provider. No row can hold it: nothing ever connected a Zalo channel.
BEGIN;
CREATE TYPE "Platform_new" AS ENUM ('facebook');
ALTER TABLE "Channel" ALTER COLUMN "platform" TYPE "Platform_new" USING ("platform"::text::"Platform_new");
ALTER TABLE "ChannelAuthorization" ALTER COLUMN "platform" TYPE "Platform_new" USING ("platform"::text::"Platform_new");
ALTER TABLE "WebhookEvent" ALTER COLUMN "platform" TYPE "Platform_new" USING ("platform"::text::"Platform_new");
ALTER TYPE "Platform" RENAME TO "Platform_old";
ALTER TYPE "Platform_new" RENAME TO "Platform";
DROP TYPE "Platform_old";
COMMIT;
