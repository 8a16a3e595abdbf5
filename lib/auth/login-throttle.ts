// Slows down password guessing, for sign-in and for the current-password check of a password
// change. Failures are counted in PostgreSQL (so the limits hold across server processes) over a
// sliding window, against three keys:
// - an account from one address: the tight limit, which a guesser hits first;
// - an account from anywhere: a looser ceiling on guesses spread over many addresses, so that one
//   address (one attacker) cannot lock the account's owner out, who signs in from another;
// - one address against any account: a ceiling on trying one password on many accounts.
// "Quên mật khẩu?" requests are counted the same way under their own keys (scope "password-reset"),
// so that nobody can flood a mailbox, and so that reset requests never lock anyone out of sign-in.
import { db } from "@/lib/db";

const WINDOW_MS = 15 * 60 * 1000;
const MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS = 10;
const MAX_FAILURES_PER_ACCOUNT = 100;
const MAX_FAILURES_PER_ADDRESS = 100;

/** What is counted: failed passwords, or requests for a reset link. */
export type ThrottleScope = "sign-in" | "password-reset";

/** Sign-in keeps its unprefixed keys; other scopes are prefixed. */
const prefix = (scope: ThrottleScope) => (scope === "sign-in" ? "" : `${scope}:`);

/** An unknown address (no socket address, as in scripts) shares one counter per account. */
function accountAndAddressKey(email: string, address: string | undefined, scope: ThrottleScope = "sign-in"): string {
  return `${prefix(scope)}account+address:${email.toLowerCase()}|${address ?? "unknown"}`;
}

/** The counters a failure adds to, with their limits; an unknown address has no address-wide one. */
function counters(email: string, address: string | undefined, scope: ThrottleScope): { key: string; max: number }[] {
  return [
    { key: accountAndAddressKey(email, address, scope), max: MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS },
    { key: `${prefix(scope)}account:${email.toLowerCase()}`, max: MAX_FAILURES_PER_ACCOUNT },
    ...(address ? [{ key: `${prefix(scope)}address:${address}`, max: MAX_FAILURES_PER_ADDRESS }] : []),
  ];
}

export async function isLoginThrottled(email: string, address: string | undefined, scope: ThrottleScope = "sign-in"): Promise<boolean> {
  const limits = counters(email, address, scope);
  const counts = await db().loginAttempt.groupBy({
    by: ["key"],
    where: { key: { in: limits.map(({ key }) => key) }, createdAt: { gte: new Date(Date.now() - WINDOW_MS) } },
    _count: { _all: true },
  });
  return counts.some((row) => row._count._all >= (limits.find(({ key }) => key === row.key)?.max ?? Infinity));
}

export async function recordLoginFailure(email: string, address: string | undefined, scope: ThrottleScope = "sign-in"): Promise<void> {
  await db().loginAttempt.createMany({ data: counters(email, address, scope).map(({ key }) => ({ key })) });
}

/**
 * After a success, only this address's failures on the account are forgotten: the account-wide
 * ceiling keeps counting guesses made elsewhere.
 */
export async function clearLoginFailures(email: string, address: string | undefined): Promise<void> {
  await db().loginAttempt.deleteMany({ where: { key: accountAndAddressKey(email, address) } });
}
