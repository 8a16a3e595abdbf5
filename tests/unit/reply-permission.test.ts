import { describe, expect, it } from "vitest";
import { replyPermission } from "@/lib/inbox/reply-permission";

const agent = { id: "u-ha", role: "agent" as const };
const admin = { id: "u-admin", role: "admin" as const };
const assignedTo = (id: string | null, name = "Minh") => ({
  assigneeId: id,
  assignee: id ? { name } : null,
  state: id ? ("assigned" as const) : ("unassigned" as const),
});

describe("replyPermission", () => {
  it("lets the assignee reply", () => {
    expect(replyPermission(agent, assignedTo("u-ha"))).toEqual({ kind: "assignee" });
  });

  it("lets an admin take over from someone else, or take an unassigned conversation", () => {
    expect(replyPermission(admin, assignedTo("u-minh"))).toEqual({ kind: "take_over", previousAssigneeId: "u-minh" });
    expect(replyPermission(admin, assignedTo(null))).toEqual({ kind: "take_over", previousAssigneeId: null });
  });

  it("refuses an agent who is not the assignee, naming who is", () => {
    expect(() => replyPermission(agent, assignedTo("u-minh"))).toThrow(expect.objectContaining({
      code: "forbidden",
      params: { reason: "not_assignee", assigneeName: "Minh" },
    }));
  });

  it("asks an agent to claim a waiting self-claim conversation first", () => {
    const waiting = { assigneeId: null, assignee: null, state: "awaiting_claim" as const };
    expect(() => replyPermission(agent, waiting)).toThrow(expect.objectContaining({ code: "forbidden", params: { reason: "claim_first" } }));
  });
});
