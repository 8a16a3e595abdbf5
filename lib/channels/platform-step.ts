// A step of a platform's connect flow that calls the platform: the platform's own failure is reported
// as an AppError the screen can show (the platform says which); any other error passes through.
import type { AppError } from "@/lib/errors";

export async function runPlatformStep<T, PlatformError extends Error>(
  step: () => Promise<T>,
  platformError: abstract new (...args: never[]) => PlatformError,
  toAppError: (error: PlatformError) => AppError,
): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof platformError) throw toAppError(error);
    throw error;
  }
}
