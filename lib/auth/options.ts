// next-auth configuration: email + password sign-in, JWT session in an httpOnly cookie that names a
// session row (start-session.ts); signing out deletes that row, so the cookie is dead everywhere.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env } from "@/lib/env";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import { safeReturnPath } from "@/lib/auth/safe-return-path";
import { SESSION_MAX_AGE_SECONDS, startSession } from "@/lib/auth/start-session";
import { endSessions } from "@/lib/auth/end-sessions";
import { clientAddressFromHeaders } from "@/lib/http/client-address";

export function authOptions(): NextAuthOptions {
  return {
    secret: env().NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    // Secure cookies whenever the app is served over https (always in a real deployment).
    useSecureCookies: env().APP_URL.startsWith("https://"),
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "email",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(credentials, request) {
          const result = await verifyCredentials(credentials, clientAddressFromHeaders(request?.headers ?? {}));
          // The thrown message reaches the sign-in form as `error`, which maps it to a sentence.
          if (!result.ok) throw new Error(result.reason);
          const { user } = result;
          const sessionId = await startSession(user.id);
          return { id: user.id, email: user.email, name: user.name, role: user.role, workspaceId: user.workspaceId, sessionId };
        },
      }),
    ],
    callbacks: {
      // next-auth's own check lets through anything that starts with its base URL; ours is stricter.
      redirect({ url, baseUrl }) {
        return `${baseUrl}${safeReturnPath(url, baseUrl)}`;
      },
      jwt({ token, user }) {
        if (user) {
          token.role = user.role;
          token.workspaceId = user.workspaceId;
          token.sid = user.sessionId;
        }
        return token;
      },
      session({ session, token }) {
        if (session.user && token.sub) {
          session.user.id = token.sub;
          session.user.role = token.role;
        }
        return session;
      },
    },
    events: {
      // "Đăng xuất": this device's session ends for good, not just its cookie in this browser.
      async signOut({ token }) {
        if (typeof token?.sid === "string") await endSessions({ sessionId: token.sid });
      },
    },
  };
}
