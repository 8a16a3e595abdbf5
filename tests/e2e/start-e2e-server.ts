// Starts the production build for Playwright on a fresh database in demo mode (demo accounts, the
// Meta emulator and the Zalo emulator), on ports of its own so a running dev copy of the app is not
// disturbed.
import { recreateDatabase, startTestServer } from "../support/test-database";

const port = process.env.E2E_PORT ?? "3100";
const server = await startTestServer();
Object.assign(process.env, {
  DATABASE_URL: await recreateDatabase(server.baseUrl, `chat_e2e_${port}`),
  NODE_ENV: "production",
  DEMO_MODE: "true",
  PORT: port,
  APP_URL: `http://localhost:${port}`,
  META_EMULATOR_PORT: process.env.E2E_EMULATOR_PORT ?? "4110",
  ZALO_EMULATOR_PORT: process.env.E2E_ZALO_EMULATOR_PORT ?? "4120",
  // The whole suite runs longer than the default 15 minutes: a demo agent whose tabs an earlier spec
  // closed would turn "Tạm vắng" by herself and a later spec's rule would skip her. Auto-away is
  // proven by the integration tests; here only the switch in the user menu changes availability.
  AVAILABILITY_AWAY_AFTER_MINUTES: String(24 * 60),
});

const { startServer } = await import("../../lib/server/start-server");
await startServer({ dev: false });
