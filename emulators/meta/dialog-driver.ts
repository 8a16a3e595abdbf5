// Drives the emulated Login dialog with plain HTTP (no browser), for integration tests that need real codes.

export interface DialogRun {
  /** Emulator base URL, e.g. http://127.0.0.1:4010 */
  emulatorUrl: string;
  graphVersion?: string;
  appId: string;
  redirectUri: string;
  scope: string[];
  state?: string;
  userId: string;
  /** Pages to tick after "Chỉnh sửa cài đặt"; all pages when omitted. */
  pageIds?: string[];
  /** Permissions answered "Không". */
  decline?: string[];
  rerequest?: boolean;
  /** Press "Hủy" on this screen instead of going on. */
  cancelAt?: "user" | "pages" | "permissions";
}

/** Returns the URL the dialog redirected to (the app's redirect_uri with code or error). */
export async function runLoginDialog(run: DialogRun): Promise<URL> {
  const base = `${run.emulatorUrl}/${run.graphVersion ?? "v27.0"}`;
  const query = new URLSearchParams({
    client_id: run.appId,
    redirect_uri: run.redirectUri,
    scope: run.scope.join(","),
    response_type: "code",
  });
  if (run.state !== undefined) query.set("state", run.state);
  if (run.rerequest) query.set("auth_type", "rerequest");
  const first = await fetch(`${base}/dialog/oauth?${query.toString()}`);
  const html = await first.text();
  const session = /name="session" value="([^"]+)"/.exec(html)?.[1];
  if (!first.ok || !session) throw new Error(`Dialog did not start (HTTP ${first.status})`);

  const step = async (fields: Array<[string, string]>): Promise<Response> =>
    fetch(`${base}/dialog/oauth/step`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams([["session", session], ...fields]).toString(),
      redirect: "manual",
    });
  const redirected = (response: Response): URL => {
    const location = response.headers.get("location");
    if (response.status !== 302 || !location)
      throw new Error(`Expected a redirect, got HTTP ${response.status}`);
    return new URL(location);
  };

  if (run.cancelAt === "user")
    return redirected(
      await step([
        ["screen", "user"],
        ["action", "cancel"],
      ]),
    );
  await step([
    ["screen", "user"],
    ["userId", run.userId],
  ]);
  if (run.cancelAt === "pages")
    return redirected(
      await step([
        ["screen", "pages"],
        ["action", "cancel"],
      ]),
    );
  const pageFields: Array<[string, string]> = run.pageIds
    ? [["editing", "1"], ...run.pageIds.map((id): [string, string] => ["page", id])]
    : [];
  const permissionsPage = await (
    await step([["screen", "pages"], ["action", "continue"], ...pageFields])
  ).text();
  if (run.cancelAt === "permissions")
    return redirected(
      await step([
        ["screen", "permissions"],
        ["action", "cancel"],
      ]),
    );
  // Answer only the permissions the screen shows, as a person would.
  const shown = [...permissionsPage.matchAll(/name="perm:([^"]+)" value="granted"/g)].map((m) => m[1] ?? "");
  const answers = shown.map((scope): [string, string] => [
    `perm:${scope}`,
    run.decline?.includes(scope) ? "declined" : "granted",
  ]);
  return redirected(await step([["screen", "permissions"], ["action", "done"], ...answers]));
}
