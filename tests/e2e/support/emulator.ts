// The demo Meta emulator beside the e2e server: its address and lookups in its world, for specs
// that play the customer or Facebook's side.
export const emulatorUrl = `http://127.0.0.1:${process.env.E2E_EMULATOR_PORT ?? "4110"}`;

/** The emulator's id of the fanpage named `name`. */
export async function pageIdOf(name: string): Promise<string> {
  const world = (await (await fetch(`${emulatorUrl}/_emulator/world`)).json()) as { pages: { id: string; name: string }[] };
  const found = world.pages.find((page) => page.name === name);
  if (!found) throw new Error(`The emulator has no page ${name}`);
  return found.id;
}

/** A call to the emulator's control API: GET without a body, POST with one. */
export async function emulatorControl<T>(path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${emulatorUrl}/_emulator/${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`Emulator ${path}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}
