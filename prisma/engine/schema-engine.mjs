#!/usr/bin/env node
// Stand-in for Prisma's native `schema-engine` binary, which cannot be downloaded on machines
// without internet: the CLI runs this file through PRISMA_SCHEMA_ENGINE_BINARY, and it speaks the
// binary's command line and JSON-RPC protocol, backed by the WebAssembly engine in `prisma`.
import fs from "node:fs";
import readline from "node:readline";
import { parseArgs } from "node:util";
import {
  adapterFactory,
  applyMigrations,
  databaseCommands,
  describeDatabaseError,
  parseUrl,
} from "./postgres.mjs";
import { engineCommit, startEngine, takePanicMessage, withAdapterErrors } from "./wasm-engine.mjs";

// The wasm engine panics without a schema, and `migrate diff` / `db execute` start it with none.
const MINIMAL_DATAMODEL = 'datasource db {\n  provider = "postgresql"\n}\n';

const WASM_METHODS = new Set([
  "applyMigrations",
  "createMigration",
  "dbExecute",
  "debugPanic",
  "devDiagnostic",
  "diagnoseMigrationHistory",
  "diff",
  "ensureConnectionValidity",
  "evaluateDataLoss",
  "introspect",
  "introspectSql",
  "markMigrationApplied",
  "markMigrationRolledBack",
  "reset",
  "schemaPush",
]);

const { values: flags, positionals } = parseArgs({
  options: {
    datamodels: { type: "string", multiple: true },
    datasource: { type: "string" },
    "enabled-preview-features": { type: "string" },
    "extension-types": { type: "string" },
    version: { type: "boolean", short: "V" },
  },
  allowPositionals: true,
});
const datasource = JSON.parse(flags.datasource ?? "{}");

const writeLine = (stream, value) =>
  stream.write(`${typeof value === "string" ? value : JSON.stringify(value)}\n`);
const logLine = (level, fields) =>
  writeLine(process.stderr, { level, fields, target: "schema_engine::logger" });

// Exit code 0 or 1; the CLI skips the first stderr line and reads the ERROR line's error_code.
async function runDatabaseCommand(name) {
  logLine("INFO", { message: "Starting schema engine CLI", git_hash: engineCommit });
  const command = databaseCommands[name];
  if (!command) {
    logLine("ERROR", { message: `Unknown command: ${name}` });
    return 1;
  }
  try {
    await command(parseUrl(datasource.url));
    return 0;
  } catch (error) {
    const { code, message } = describeDatabaseError(error, datasource.url);
    logLine("ERROR", { message, error_code: code });
    return 1;
  }
}

function serveJsonRpc() {
  const datamodels = flags.datamodels?.map((file) => [file, fs.readFileSync(file, "utf8")]) ?? [
    ["schema.prisma", MINIMAL_DATAMODEL],
  ];
  const openEngine = async () => {
    // The wasm engine connects on start, even for a `migrate diff` between files.
    if (!datasource.url)
      throw new Error("No datasource URL is configured (the schema engine needs a database).");
    return startEngine({
      datamodels,
      adapterFactory: adapterFactory(datasource.url, datasource.shadowDatabaseUrl),
      log: (line) => writeLine(process.stderr, line.trimEnd()),
    });
  };
  const enginePromise = openEngine();
  // A failed start is reported to each request; before the first one arrives it must not crash.
  enginePromise.catch(() => {});

  let nextPrintId = 1;
  const printAcknowledgements = new Map();
  // `diff` output reaches the CLI as a request of ours, answered before the diff's own result.
  const printOnCli = (content) =>
    new Promise((resolve) => {
      const id = nextPrintId++;
      printAcknowledgements.set(id, resolve);
      writeLine(process.stdout, { jsonrpc: "2.0", id, method: "print", params: { content } });
    });

  async function call(method, params) {
    const engine = await enginePromise;
    if (method === "getDatabaseVersion") return engine.version(params);
    if (!WASM_METHODS.has(method))
      throw Object.assign(new Error(`Method not found: ${method}`), { rpcCode: -32601 });
    if (method === "applyMigrations") return applyMigrations(engine, params);
    if (method === "evaluateDataLoss" || method === "createMigration") {
      // In the wasm engine these two only read the shadow-database schema that
      // diagnoseMigrationHistory leaves in its cache.
      const { migrationsList, filters } = params;
      await engine.diagnoseMigrationHistory({ migrationsList, filters, optInToShadowDatabase: true });
    }
    const result = await engine[method](params);
    if (method === "diff" && result.stdout !== null) {
      await printOnCli(result.stdout);
      return { ...result, stdout: null };
    }
    return result;
  }

  function rpcError(error) {
    if (error.rpcCode) return { code: error.rpcCode, message: error.message };
    const panic = takePanicMessage();
    // For a panic the CLI shows the top-level message.
    if (panic)
      return { code: 4466, message: panic, data: { is_panic: true, message: panic, backtrace: error.stack } };
    return {
      code: 4466,
      message: "An error happened. Check the data field for details.",
      data: {
        is_panic: false,
        message: withAdapterErrors(error.message),
        meta: error.meta,
        error_code: error.code,
      },
    };
  }

  let queue = Promise.resolve();
  const input = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  input.on("line", (line) => {
    if (!line.trim()) return;
    const message = JSON.parse(line);
    if (message.method === undefined) {
      printAcknowledgements.get(message.id)?.();
      printAcknowledgements.delete(message.id);
      return;
    }
    queue = queue.then(async () => {
      const { id, method, params } = message;
      try {
        writeLine(process.stdout, { jsonrpc: "2.0", id, result: (await call(method, params ?? {})) ?? null });
      } catch (error) {
        const response = rpcError(error);
        writeLine(process.stdout, { jsonrpc: "2.0", id, error: response });
        // After a panic the wasm instance is unusable; 101 is the native engine's panic exit code.
        if (response.data?.is_panic) process.exit(101);
      }
    });
  });
  input.on("close", () => queue.then(() => process.exit(0)));
}

if (flags.version) {
  writeLine(process.stdout, `schema-engine-cli ${engineCommit}`);
} else if (positionals[0] === "cli") {
  process.exitCode = await runDatabaseCommand(positionals[1]);
} else {
  serveJsonRpc();
}
