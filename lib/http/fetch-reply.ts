// One call to a platform's HTTP API, read as its status and body text (the platform's client parses
// them). A call that times out or cannot reach the platform throws the error the client builds for it.

export type UnansweredReason = "timeout" | "network";

export async function fetchReply(
  url: URL,
  init: { method: string; headers: Record<string, string>; body: BodyInit | undefined; timeoutMs: number },
  unanswered: (reason: UnansweredReason) => Error,
): Promise<{ status: number; text: string }> {
  try {
    const response = await fetch(url, {
      method: init.method,
      headers: init.headers,
      body: init.body,
      signal: AbortSignal.timeout(init.timeoutMs),
      cache: "no-store",
    });
    return { status: response.status, text: await response.text() };
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
    throw unanswered(timedOut ? "timeout" : "network");
  }
}
