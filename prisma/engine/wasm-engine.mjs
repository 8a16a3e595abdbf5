// Loads the schema engine compiled to WebAssembly that ships inside the `prisma` package (built
// from the CLI's own engine commit) with the JS glue of @prisma/schema-engine-wasm.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import * as glue from "@prisma/schema-engine-wasm/schema_engine_bg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";

let panicMessage = null;
// The glue reports Rust panics here; the wasm call itself only throws "unreachable".
globalThis.PRISMA_WASM_PANIC_REGISTRY = {
  set_message(message) {
    panicMessage = message;
  },
};

export function takePanicMessage() {
  const message = panicMessage;
  panicMessage = null;
  return message;
}

const require = createRequire(import.meta.url);
const wasmPath = path.join(
  path.dirname(require.resolve("prisma/package.json")),
  "build",
  "schema_engine_bg.wasm",
);
const wasmModule = await WebAssembly.compile(fs.readFileSync(wasmPath));
const imports = Object.fromEntries(
  WebAssembly.Module.imports(wasmModule).map(({ module }) => [module, glue]),
);
const instance = await WebAssembly.instantiate(wasmModule, imports);
glue.__wbg_set_wasm(instance.exports);
instance.exports.__wbindgen_start();

export const engineCommit = glue.version();

let errorRegistry = null;

// An error thrown by JS code in the adapter reaches the engine only as an id in this registry.
export function withAdapterErrors(message) {
  return message.replace(
    /External error id#(\d+)/g,
    (text, id) => errorRegistry?.consumeError(Number(id))?.error?.message ?? text,
  );
}

export function startEngine({ datamodels, adapterFactory, log }) {
  const boundFactory = bindMigrationAwareSqlAdapterFactory(adapterFactory);
  errorRegistry = boundFactory.errorRegistry;
  return glue.SchemaEngine.new({ datamodels }, log, boundFactory);
}
