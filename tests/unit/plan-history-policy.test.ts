// "Xử lý hội thoại cũ" for synced conversations: who decides, what needs confirmation, how many are shared.
import { describe, expect, it } from "vitest";
import { planHistoryPolicy, type PolicyCandidate, type PolicyInput } from "@/lib/history-sync/plan-history-policy";
import { retryDelayMs, DEFAULT_SYNC_TIMING } from "@/lib/history-sync/sync-timing";

const HOUR = 3600_000;
const now = new Date("2026-11-27T12:00:00Z");
const ago = (hours: number) => new Date(now.getTime() - hours * HOUR);

const candidates: PolicyCandidate[] = [
  { id: "fresh", platform: "facebook", lastInboundAt: ago(2) },
  { id: "human-agent", platform: "facebook", lastInboundAt: ago(6 * 24) },
  { id: "stale", platform: "facebook", lastInboundAt: ago(8 * 24) },
  { id: "never-wrote", platform: "facebook", lastInboundAt: null },
];
const ids = candidates.map((c) => c.id);

function input(overrides: Partial<PolicyInput>): PolicyInput {
  return {
    chatMode: "shared",
    owner: { id: "owner", active: true },
    rule: null,
    candidates,
    now,
    ...overrides,
  };
}
const rule = (
  oldConversationPolicy: "keep_unassigned" | "distribute_available" | "distribute_all",
  method: "round_robin" | "self_claim" = "round_robin",
) => ({
  id: "rule",
  method,
  oldConversationPolicy,
});

describe("planHistoryPolicy", () => {
  it("gives an only-me page's conversations to its owner without asking", () => {
    expect(planHistoryPolicy(input({ chatMode: "only_me" }))).toEqual({
      kind: "owner",
      ownerId: "owner",
      conversationIds: ids,
    });
  });

  it("keeps them for admins when the owner is deactivated, the page has no rule, or the rule keeps them", () => {
    expect(planHistoryPolicy(input({ chatMode: "only_me", owner: { id: "owner", active: false } }))).toEqual({
      kind: "keep",
      ruleId: null,
      conversationIds: ids,
    });
    expect(planHistoryPolicy(input({}))).toEqual({ kind: "keep", ruleId: null, conversationIds: ids });
    expect(planHistoryPolicy(input({ rule: rule("keep_unassigned") }))).toEqual({
      kind: "keep",
      ruleId: "rule",
      conversationIds: ids,
    });
  });

  it("asks to confirm sharing those still answerable (7 days with HUMAN_AGENT), or all", () => {
    expect(planHistoryPolicy(input({ rule: rule("distribute_available", "self_claim") }))).toEqual({
      kind: "confirm",
      ruleId: "rule",
      policy: "distribute_available",
      method: "self_claim",
      conversationIds: ids,
      shareCount: 2,
    });
    expect(planHistoryPolicy(input({ rule: rule("distribute_all") }))).toMatchObject({
      kind: "confirm",
      shareCount: 4,
    });
  });

  it("asks nothing when the policy would share nothing", () => {
    const old: PolicyCandidate[] = [{ id: "stale", platform: "facebook", lastInboundAt: ago(30 * 24) }];
    expect(planHistoryPolicy(input({ rule: rule("distribute_available"), candidates: old }))).toEqual({
      kind: "keep",
      ruleId: "rule",
      conversationIds: ["stale"],
    });
    expect(planHistoryPolicy(input({ rule: rule("distribute_all"), candidates: [] }))).toEqual({
      kind: "keep",
      ruleId: "rule",
      conversationIds: [],
    });
  });
});

describe("retryDelayMs", () => {
  it("doubles after each failure up to the cap, with at most a quarter of jitter", () => {
    const timing = { ...DEFAULT_SYNC_TIMING, backoffBaseMs: 1000, backoffCapMs: 5000 };
    expect([1, 2, 3, 4, 5].map((n) => retryDelayMs(n, timing, () => 0))).toEqual([
      1000, 2000, 4000, 5000, 5000,
    ]);
    expect(retryDelayMs(2, timing, () => 0.999)).toBeLessThanOrEqual(2500);
  });
});
