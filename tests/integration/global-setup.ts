// Integration suite setup: a migrated template database for this run, cloned per test file.
import type { TestProject } from "vitest/node";
import { runMigrations } from "../../lib/server/run-migrations";
import { dropDatabase, recreateDatabase, startTestServer } from "../support/test-database";

declare module "vitest" {
  export interface ProvidedContext {
    testDatabaseBaseUrl: string;
    testTemplateDatabase: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await startTestServer();
  const template = `chat_test_template_${process.pid}`;
  const templateUrl = await recreateDatabase(server.baseUrl, template);
  await runMigrations(templateUrl);
  project.provide("testDatabaseBaseUrl", server.baseUrl);
  project.provide("testTemplateDatabase", template);

  return async () => {
    await dropDatabase(server.baseUrl, template);
    await server.embedded?.stop();
  };
}
