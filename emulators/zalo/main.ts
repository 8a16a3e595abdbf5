// CLI: runs the Zalo emulator for local development (`tsx emulators/zalo/main.ts`).
import { z } from "zod";
import { closeOnSignals, envOrExit } from "../shared/cli";
import { startZaloEmulator } from "./start-zalo-emulator";

const envSchema = z.object({
  ZALO_EMULATOR_PORT: z.coerce.number().int().min(0).max(65_535).default(4020),
  ZALO_EMULATOR_HOST: z.string().min(1).default("127.0.0.1"),
  ZALO_APP_ID: z.string().min(1, "ZALO_APP_ID is required: the app id the app presents as app_id"),
  ZALO_APP_SECRET: z.string().min(1, "ZALO_APP_SECRET is required: the token endpoint checks it"),
  ZALO_OA_SECRET_KEY: z.string().min(1, "ZALO_OA_SECRET_KEY is required: webhooks are signed with it"),
  ZALO_EMULATOR_WEBHOOK_URL: z.url().optional(),
});

const env = envOrExit(envSchema);

const emulator = await startZaloEmulator({
  port: env.ZALO_EMULATOR_PORT,
  host: env.ZALO_EMULATOR_HOST,
  appId: env.ZALO_APP_ID,
  appSecret: env.ZALO_APP_SECRET,
  oaSecretKey: env.ZALO_OA_SECRET_KEY,
  webhookUrl: env.ZALO_EMULATOR_WEBHOOK_URL,
});

console.log(`Zalo emulator listening on ${emulator.url}`);
console.log(`  OAuth and Open API base: ${emulator.url} (ZALO_OAUTH_URL and ZALO_API_URL)`);
console.log(`  Customer page:           ${emulator.url}/_emulator`);
console.log(
  `  Webhooks go to:          ${env.ZALO_EMULATOR_WEBHOOK_URL ?? "(none yet: POST /_emulator/config)"}`,
);

closeOnSignals(emulator);
