// Slows down password guessing: at most MAX_FAILURES failed sign-ins per email and per client
// address in a sliding window. Counted in PostgreSQL so it holds across server processes.
import { db } from "@/lib/db";

const WINDOW_MS = 15 * 60 * 1000;
const MAX_FAILURES = 10;

function keys(email: string, address: string | undefined): string[] {
  return [`email:${email.toLowerCase()}`, ...(address ? [`ip:${address}`] : [])];
}

export async function isLoginThrottled(email: string, address: string | undefined): Promise<boolean> {
  const since = new Date(Date.now() - WINDOW_MS);
  const counts = await Promise.all(
    keys(email, address).map((key) => db().loginAttempt.count({ where: { key, createdAt: { gte: since } } })),
  );
  return counts.some((count) => count >= MAX_FAILURES);
}

export async function recordLoginFailure(email: string, address: string | undefined): Promise<void> {
  await db().loginAttempt.createMany({ data: keys(email, address).map((key) => ({ key })) });
}

export async function clearLoginFailures(email: string): Promise<void> {
  await db().loginAttempt.deleteMany({ where: { key: `email:${email.toLowerCase()}` } });
}
