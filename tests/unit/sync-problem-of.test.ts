// Facebook's history read errors as history sync problems: codes that name no platform, so the text
// shown (historySync.problems.*) names the channel's platform.
import { describe, expect, it } from "vitest";
import { GraphError } from "@/lib/channels/facebook/graph-client";
import { syncProblemOf } from "@/lib/channels/facebook/sync-problem-of";

describe("syncProblemOf (Facebook)", () => {
  it.each([
    ["throttled (613)", "rate_limited", new GraphError(400, 613, undefined, "Calls to this api have exceeded the rate limit.", "facebook", true)],
    ["a 5xx or a timeout", "platform_unavailable", new GraphError(503, 2, undefined, "Service temporarily unavailable", "facebook", true)],
    ["a missing permission (10)", "permission_missing", new GraphError(403, 10, undefined, "Requires pages_messaging permission")],
    ["any other refusal", "platform_refused", new GraphError(400, 100, undefined, "Invalid parameter")],
  ])("%s is %s", (_, problem, error) => {
    expect(syncProblemOf(error)).toBe(problem);
  });
});
