// next-auth configuration: email + password sign-in, JWT session in an httpOnly cookie.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env } from "@/lib/env";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import { safeReturnPath } from "@/lib/auth/safe-return-path";

const SESSION_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;

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
          const forwarded = request?.headers?.["x-forwarded-for"];
          const address = typeof forwarded === "string" ? forwarded.split(",")[0]?.trim() : undefined;
          const result = await verifyCredentials(credentials, address);
          // The thrown message reaches the sign-in form as `error`, which maps it to a sentence.
          if (!result.ok) throw new Error(result.reason);
          const { user } = result;
          return { id: user.id, email: user.email, name: user.name, role: user.role, workspaceId: user.workspaceId, sessionVersion: user.sessionVersion };
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
          token.sessionVersion = user.sessionVersion;
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
  };
}
