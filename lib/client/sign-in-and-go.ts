// After setup, joining or a password reset, the person is signed in with what they just typed and
// taken into the app, rather than asked to type it again on the sign-in page.
"use client";
import { signIn } from "next-auth/react";
import { DEFAULT_RETURN_PATH } from "@/lib/auth/safe-return-path";

/** Resolves false when the sign-in failed (the caller sends the person to the sign-in page). */
export async function signInAndGo(email: string, password: string): Promise<boolean> {
  const result = await signIn("credentials", { email, password, redirect: false }).catch(() => undefined);
  if (!result?.ok || result.error) return false;
  window.location.assign(DEFAULT_RETURN_PATH);
  return true;
}
