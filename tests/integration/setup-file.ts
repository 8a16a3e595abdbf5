// Runs before each integration test file: a fresh database cloned from the migrated template, and
// the configuration the app's modules read.
import { randomBytes } from "node:crypto";
import { afterAll, inject } from "vitest";
import { dropDatabase, recreateDatabase } from "../support/test-database";
import { disconnectDb } from "../../lib/db";

const baseUrl = inject("testDatabaseBaseUrl");
const database = `chat_test_${randomBytes(6).toString("hex")}`;

process.env.DATABASE_URL = await recreateDatabase(baseUrl, database, inject("testTemplateDatabase"));
process.env.NEXTAUTH_SECRET ??= randomBytes(32).toString("base64url");
process.env.TOKEN_ENCRYPTION_KEY ??= randomBytes(32).toString("base64");
process.env.META_APP_ID ??= "test-app";
process.env.META_APP_SECRET ??= "test-app-secret";
process.env.META_VERIFY_TOKEN ??= "test-verify-token";
process.env.ZALO_APP_ID ??= "2000000000000000001";
process.env.ZALO_APP_SECRET ??= "test-zalo-app-secret";
process.env.ZALO_OA_SECRET_KEY ??= "test-zalo-oa-secret-key";
process.env.LOG_LEVEL ??= "error";

afterAll(async () => {
  await disconnectDb();
  await dropDatabase(baseUrl, database);
});
