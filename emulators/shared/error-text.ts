// A failed fetch's message with its cause ("fetch failed: connect ECONNREFUSED …"), for delivery logs.

export function errorText(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: unknown }).cause;
    return cause instanceof Error ? `${error.message}: ${cause.message}` : error.message;
  }
  return String(error);
}
