// Issue 9, item 14: crash recovery in the default mode. The app is killed (SIGKILL) while its embedded
// PostgreSQL keeps running on its own; the next start stops that leftover server by itself and carries
// on with the data intact, a second start beside a running app refuses with a sentence, and Ctrl-C
// (SIGINT to the whole process group, as a terminal sends it) stops everything in order: the app
// drains while its PostgreSQL, in a process group of its own, is still there.
import { rmSync } from "node:fs";
import { expect, test } from "@playwright/test";
import {
  clusterOwnerPid,
  connectToEmbeddedDatabase,
  freePort,
  isRunning,
  killAppGroup,
  postmasterPid,
  pressCtrlC,
  startApp,
  temporaryDataDir,
  waitUntilHealthy,
  type AppPorts,
  type AppProcess,
} from "./support/app-process";

const WORKSPACE_NAME = "Tiệm Hoa Mai sau sự cố";

test.describe("item 14: crash recovery in the default mode", () => {
  const started: AppProcess[] = [];
  let dataDir: string;

  test.beforeEach(() => {
    dataDir = temporaryDataDir();
  });
  test.afterEach(async () => {
    // Whatever a failed run left behind: our own app processes and their PostgreSQL.
    for (const app of started) killAppGroup(app);
    const postmaster = postmasterPid(dataDir);
    if (postmaster && isRunning(postmaster)) process.kill(postmaster, "SIGINT");
    await expect.poll(() => (postmaster ? isRunning(postmaster) : false), { timeout: 30_000 }).toBe(false);
    rmSync(dataDir, { recursive: true, force: true });
  });

  test("after a SIGKILL the next start stops the leftover PostgreSQL and serves the same data", async () => {
    test.setTimeout(360_000);
    const ports: AppPorts = { app: await freePort(), emulator: await freePort(), database: await freePort() };
    const launch = (appPorts: AppPorts) => {
      const app = startApp(dataDir, appPorts);
      started.push(app);
      return app;
    };

    const first = launch(ports);
    await waitUntilHealthy(first, ports.app);
    const database = await connectToEmbeddedDatabase(dataDir, ports.database);
    await database.query(`UPDATE "Workspace" SET name = $1`, [WORKSPACE_NAME]);
    await database.end();

    process.kill(clusterOwnerPid(dataDir), "SIGKILL");
    await first.exited;
    const leftover = postmasterPid(dataDir);
    expect(leftover && isRunning(leftover), "the embedded PostgreSQL outlives the killed app").toBe(true);

    const second = launch(ports);
    await waitUntilHealthy(second, ports.app);
    expect(second.output()).toContain(`stopping it before starting again`);
    expect(isRunning(leftover!)).toBe(false);
    const reopened = await connectToEmbeddedDatabase(dataDir, ports.database);
    const { rows } = await reopened.query(`SELECT name FROM "Workspace"`);
    await reopened.end();
    expect(rows).toEqual([{ name: WORKSPACE_NAME }]);

    // A second copy beside the running one must leave its cluster alone and say why.
    const beside = launch({ ...ports, app: await freePort(), emulator: await freePort() });
    expect(await beside.exited).not.toBe(0);
    expect(beside.output()).toContain(`is in use by another copy of the app that is still running (process ${clusterOwnerPid(dataDir)})`);
    expect(beside.output()).not.toMatch(/^undefined$/m);
    await expect.poll(() => fetch(`http://127.0.0.1:${ports.app}/api/health`).then((r) => r.status)).toBe(200);

    // Ctrl-C stops the app and then its PostgreSQL, and gives the cluster up. The database outlives
    // the app's shutdown: no connection of the app is cut under it (before, the terminal's SIGINT
    // reached PostgreSQL too, and the adapter and the webhook listener logged their lost sessions).
    const running = postmasterPid(dataDir);
    const printedBefore = second.output().length;
    pressCtrlC(second);
    expect(await second.exited).toBe(0);
    expect(running && isRunning(running)).toBe(false);
    expect(postmasterPid(dataDir)).toBeUndefined();
    const shutdownOutput = second.output().slice(printedBefore);
    expect(shutdownOutput).toContain("SIGINT received, shutting down…");
    expect(shutdownOutput).not.toMatch(/"level":"(warn|error)"|terminating connection|database system is shutting down/);
  });
});
