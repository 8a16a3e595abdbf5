// CLI: runs the Facebook emulator for local development and the demo (`tsx emulators/meta/main.ts`).
import { z } from "zod";
import { closeOnSignals, envOrExit } from "../shared/cli";
import { startMetaEmulator } from "./start-meta-emulator";

const envSchema = z.object({
  META_EMULATOR_PORT: z.coerce.number().int().min(0).max(65_535).default(4010),
  META_EMULATOR_HOST: z.string().min(1).default("127.0.0.1"),
  META_APP_ID: z.string().min(1, "META_APP_ID is required: the app id the app will present as client_id"),
  META_APP_SECRET: z.string().min(1, "META_APP_SECRET is required: webhooks are signed with it"),
  META_EMULATOR_WEBHOOK_URL: z.url().optional(),
  META_EMULATOR_DEAUTHORIZE_URL: z.url().optional(),
});

const env = envOrExit(envSchema);

const emulator = await startMetaEmulator({
  port: env.META_EMULATOR_PORT,
  host: env.META_EMULATOR_HOST,
  appId: env.META_APP_ID,
  appSecret: env.META_APP_SECRET,
  webhookUrl: env.META_EMULATOR_WEBHOOK_URL,
  deauthorizeUrl: env.META_EMULATOR_DEAUTHORIZE_URL,
});

console.log(`Meta emulator listening on ${emulator.url}`);
console.log(`  Graph / dialog base: ${emulator.url}/${emulator.world.config.graphVersion}`);
console.log(`  Customer page:       ${emulator.url}/_emulator`);
console.log(
  `  Webhooks go to:      ${env.META_EMULATOR_WEBHOOK_URL ?? "(none yet: POST /_emulator/config)"}`,
);

closeOnSignals(emulator);
