// Drives the permission page over plain HTTP (no browser) for tests and scripts: open the page the
// app would redirect to, answer it as an OA administrator, and read where Zalo sends the browser back.

export interface PermissionAnswer {
  /** The OA to grant; the first one the administrator manages when omitted. */
  oaId?: string;
  /** The signed-in administrator; the page's default when omitted. */
  adminId?: string;
  decision?: "allow" | "deny";
}

export interface PermissionOutcome {
  /** The redirect back to the app. */
  location: URL;
  code?: string;
  oaId?: string;
  state?: string;
  error?: string;
}

/** `permissionUrl` is the full /v4/oa/permission URL the app built (app_id, redirect_uri, code_challenge, state). */
export async function answerPermissionPage(
  permissionUrl: string,
  answer: PermissionAnswer = {},
): Promise<PermissionOutcome> {
  const url = new URL(permissionUrl);
  if (answer.adminId) url.searchParams.set("admin_id", answer.adminId);
  const page = await fetch(url);
  const html = await page.text();
  if (page.status !== 200) throw new Error(`Permission page answered ${page.status}: ${html.slice(0, 300)}`);
  const hidden = Object.fromEntries(
    [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [
      m[1] ?? "",
      unescape(m[2] ?? ""),
    ]),
  );
  const firstOa = /<input type="radio" name="oa_id" value="([^"]+)"/.exec(html)?.[1];
  const form = new URLSearchParams({
    ...hidden,
    decision: answer.decision ?? "allow",
    oa_id: answer.oaId ?? firstOa ?? "",
  });
  const response = await fetch(new URL("/v4/oa/permission", url), {
    method: "POST",
    body: form,
    headers: { "content-type": "application/x-www-form-urlencoded" },
    redirect: "manual",
  });
  const location = response.headers.get("location");
  if (response.status !== 302 || !location)
    throw new Error(
      `Permission page refused the answer (${response.status}): ${(await response.text()).slice(0, 300)}`,
    );
  const back = new URL(location);
  const param = (name: string) => back.searchParams.get(name) ?? undefined;
  return {
    location: back,
    code: param("code"),
    oaId: param("oa_id"),
    state: param("state"),
    error: param("error"),
  };
}

function unescape(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}
