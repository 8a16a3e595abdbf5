// Signs in and out through next-auth's own handler with the app's options (the pages-API form of
// the handler, which needs no running Next.js), as the browser's requests to /api/auth/* do: CSRF
// token, credentials, cookies.
import NextAuth from "next-auth";
import { parse as parseCookie } from "cookie";
import { authOptions } from "../../lib/auth/options";
import { sessionCookieName } from "../../lib/auth/session-token";
import { CLIENT_ADDRESS_HEADER } from "../../lib/http/client-address";
import { env } from "../../lib/env";

// As prepare-runtime.ts does for the server: next-auth's public URL is ours.
process.env.NEXTAUTH_URL ??= env().APP_URL;

interface AuthRequest {
  method: "GET" | "POST";
  cookies?: Record<string, string>;
  body?: Record<string, string>;
  headers?: Record<string, string>;
}

/** One request to /api/auth/<action...>; resolves to the cookies it set and where it redirects. */
async function callNextAuth(action: string[], request: AuthRequest) {
  const headers = new Map<string, unknown>();
  let body: unknown;
  const response = {
    status: () => response,
    getHeader: (name: string) => headers.get(name.toLowerCase()),
    setHeader: (name: string, value: unknown) => (headers.set(name.toLowerCase(), value), response),
    end: () => undefined,
    json: (value: unknown) => void (body = value),
    send: (value: unknown) => void (body = value),
  };
  const nextRequest = { query: { nextauth: action }, method: request.method, cookies: request.cookies ?? {}, headers: request.headers ?? {}, body: request.body };
  await NextAuth(nextRequest as never, response as never, authOptions());
  const setCookies = [headers.get("set-cookie") ?? []].flat() as string[];
  const cookies: Record<string, string> = {};
  for (const line of setCookies) {
    const [name, value] = Object.entries(parseCookie(line))[0] ?? [];
    if (name && value !== undefined) cookies[name] = value;
  }
  return { cookies, body, location: headers.get("location") as string | undefined };
}

async function csrf(): Promise<{ csrfToken: string; cookies: Record<string, string> }> {
  const { body, cookies } = await callNextAuth(["csrf"], { method: "GET" });
  return { csrfToken: (body as { csrfToken: string }).csrfToken, cookies };
}

/** The session cookie's value after a successful sign-in from `address`; otherwise rejects with where next-auth sent the browser. */
export async function signInThroughNextAuth(email: string, password: string, address = "203.0.113.10"): Promise<string> {
  const { csrfToken, cookies } = await csrf();
  const signedIn = await callNextAuth(["callback", "credentials"], {
    method: "POST",
    cookies,
    headers: { [CLIENT_ADDRESS_HEADER]: address },
    body: { email, password, csrfToken },
  });
  const token = signedIn.cookies[sessionCookieName()];
  if (!token) throw new Error(`Sign-in refused: ${signedIn.location}`);
  return token;
}

/** "Đăng xuất" in the browser holding `sessionToken`: next-auth's sign-out, events included. */
export async function signOutThroughNextAuth(sessionToken: string): Promise<void> {
  const { csrfToken, cookies } = await csrf();
  await callNextAuth(["signout"], { method: "POST", cookies: { ...cookies, [sessionCookieName()]: sessionToken }, body: { csrfToken } });
}
