// The demo Zalo emulator beside the e2e server: its address, its control API, and lookups in its
// world, for specs that play the Zalo user or Zalo's side (emulators/zalo/README.md).
export const zaloEmulatorUrl = `http://127.0.0.1:${process.env.E2E_ZALO_EMULATOR_PORT ?? "4120"}`;

/** A control-API call: POST with a JSON body, GET without one; a refusal fails the test with its text. */
export async function zaloControl<T>(path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${zaloEmulatorUrl}/_emulator/${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`Zalo emulator ${path}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** The emulator's id of the OA named `name`. */
export async function oaIdOf(name: string): Promise<string> {
  const world = await zaloControl<{ oas: { id: string; name: string }[] }>("world");
  const found = world.oas.find((oa) => oa.name === name);
  if (!found) throw new Error(`The Zalo emulator has no OA ${name}`);
  return found.id;
}
