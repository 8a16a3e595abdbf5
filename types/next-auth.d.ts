// Fields this app adds to next-auth's user, session and token.
import type { UserRole } from "@/lib/generated/prisma/enums";

declare module "next-auth" {
  interface User {
    role: UserRole;
    workspaceId: string;
    /** The session row this sign-in created (start-session.ts). */
    sessionId: string;
  }
  interface Session {
    user: { id: string; role: UserRole; name?: string | null; email?: string | null };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    role: UserRole;
    workspaceId: string;
    /** The session row's id: the cookie authenticates only while that row exists. */
    sid: string;
  }
}
