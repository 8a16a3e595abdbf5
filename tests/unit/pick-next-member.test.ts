// The distribution options as a pure function: availability, the cap and least-loaded, over many steps.
import { describe, expect, it } from "vitest";
import { pickNextMember, type CandidateMember } from "@/lib/assignment/pick-next-member";

const member = (userId: string, position: number, extra: Partial<CandidateMember> = {}): CandidateMember => ({
  userId,
  position,
  active: true,
  available: true,
  openCount: 0,
  ...extra,
});

const roundRobin = { method: "round_robin", onlyAvailable: true, maxOpenPerAgent: null } as const;

describe("pickNextMember", () => {
  it("skips away members when the rule distributes only to available staff, and counts them otherwise", () => {
    const members = [member("an", 0), member("binh", 1, { available: false }), member("chi", 2)];
    expect(pickNextMember(members, 0, roundRobin)?.userId).toBe("chi");
    expect(pickNextMember(members, 0, { ...roundRobin, onlyAvailable: false })?.userId).toBe("binh");
  });

  it("gives nothing to a member at the cap, and nobody is picked when everyone is", () => {
    const members = [member("an", 0, { openCount: 2 }), member("binh", 1, { openCount: 1 })];
    expect(pickNextMember(members, 1, { ...roundRobin, maxOpenPerAgent: 2 })?.userId).toBe("binh");
    expect(pickNextMember(members.map((m) => ({ ...m, openCount: 2 })), 1, { ...roundRobin, maxOpenPerAgent: 2 })).toBeNull();
  });

  it("gives least-loaded conversations to whoever holds fewest, in rotation among equals, staying within one over 1,000 steps", () => {
    const members = [member("an", 0, { openCount: 5 }), member("binh", 1), member("chi", 2), member("dung", 3, { available: false })];
    let cursor = -1;
    for (let step = 0; step < 1000; step++) {
      const pick = pickNextMember(members, cursor, { method: "least_loaded", onlyAvailable: true, maxOpenPerAgent: null });
      if (!pick) throw new Error("nobody picked");
      cursor = pick.cursor;
      const receiver = members.find((candidate) => candidate.userId === pick.userId)!;
      receiver.openCount++;
      const loads = members.filter((m) => m.available).map((m) => m.openCount);
      if (step >= 10) expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
    }
    expect(members.find((m) => m.userId === "dung")!.openCount).toBe(0);
  });
});
