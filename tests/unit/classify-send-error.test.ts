import { describe, expect, it } from "vitest";
import { GraphError, type GraphFailure } from "@/lib/channels/facebook/graph-client";
import { classifySendError } from "@/lib/channels/facebook/classify-send-error";

const graph = (status: number, code: number, subcode?: number, failure: GraphFailure = "facebook", transient = false) =>
  new GraphError(status, code, subcode, "Facebook said no", failure, transient);

describe("classifySendError", () => {
  it.each([
    ["Facebook's unknown error", graph(500, 1)],
    ["Facebook's temporary error", graph(400, 2)],
    ["the app throttle", graph(400, 4)],
    ["the user throttle", graph(400, 17)],
    ["the page throttle", graph(400, 32)],
    ["the API throttle", graph(400, 613)],
    ["the app limit", graph(400, 341)],
    ["an HTTP 5xx without a Graph error", graph(502, 0, undefined, "bad_reply")],
    ["a timeout", graph(0, 0, undefined, "timeout")],
    ["a network failure", graph(0, 0, undefined, "network")],
  ])("retries %s", (_name, error) => {
    expect(classifySendError(error)).toEqual({ kind: "transient" });
  });

  it.each([
    ["window_closed", graph(400, 10, 2018278)],
    ["token_invalid", graph(400, 190, 460)],
    ["user_unavailable", graph(400, 551)],
    ["user_unavailable", graph(400, 100, 2018001)],
    ["permission_missing", graph(400, 10)],
    ["permission_missing", graph(400, 200)],
    ["permission_missing", graph(400, 299)],
    ["policy_blocked", graph(400, 368)],
    ["message_invalid", graph(400, 100)],
    ["send_unconfirmed", graph(200, 0, undefined, "bad_reply")],
    ["send_rejected", graph(400, 12345)],
  ])("stops with %s", (code, error) => {
    const verdict = classifySendError(error);
    expect(verdict).toMatchObject({ kind: "permanent", code });
    expect(verdict.kind === "permanent" && verdict.reason.length).toBeGreaterThan(20);
  });

  it("asks for the page to be reconnected only on an invalid token", () => {
    expect(classifySendError(graph(400, 190, 463))).toMatchObject({ channelNeedsReconnect: true });
    expect(classifySendError(graph(400, 10, 2018278))).toMatchObject({ channelNeedsReconnect: false });
  });

  it("does not retry a closed window even when Facebook flags it transient", () => {
    expect(classifySendError(graph(400, 10, 2018278, "facebook", true))).toMatchObject({ kind: "permanent", code: "window_closed" });
  });
});
