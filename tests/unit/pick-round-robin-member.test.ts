import { describe, expect, it } from "vitest";
import { pickRoundRobinMember, type RotationMember } from "@/lib/assignment/pick-round-robin-member";

const member = (userId: string, position: number, active = true): RotationMember => ({ userId, position, active });

/** Runs the rotation `times` steps from `cursor`, returning who got each conversation. */
function rotate(members: RotationMember[], cursor: number, times: number): string[] {
  const picked: string[] = [];
  for (let step = 0; step < times; step++) {
    const pick = pickRoundRobinMember(members, cursor);
    if (!pick) break;
    picked.push(pick.userId);
    cursor = pick.cursor;
  }
  return picked;
}

describe("pickRoundRobinMember", () => {
  it("starts with the first member and goes round in position order", () => {
    const members = [member("c", 2), member("a", 0), member("b", 1)];
    expect(rotate(members, -1, 7)).toEqual(["a", "b", "c", "a", "b", "c", "a"]);
  });

  it("returns the picked member's position as the new cursor", () => {
    expect(pickRoundRobinMember([member("a", 0), member("b", 4)], 0)).toEqual({ userId: "b", cursor: 4 });
  });

  it("skips inactive members without breaking the turn order", () => {
    const members = [member("a", 0), member("b", 1, false), member("c", 2)];
    expect(rotate(members, -1, 4)).toEqual(["a", "c", "a", "c"]);
  });

  it("continues after a cursor whose member was removed (gaps in positions)", () => {
    const members = [member("a", 0), member("c", 2), member("d", 5)];
    expect(pickRoundRobinMember(members, 1)).toEqual({ userId: "c", cursor: 2 });
    expect(pickRoundRobinMember(members, 3)).toEqual({ userId: "d", cursor: 5 });
    expect(pickRoundRobinMember(members, 9)).toEqual({ userId: "a", cursor: 0 });
  });

  it("returns null when nobody can take the conversation", () => {
    expect(pickRoundRobinMember([], -1)).toBeNull();
    expect(pickRoundRobinMember([member("a", 0, false)], -1)).toBeNull();
  });

  it("spreads any number of conversations with counts differing by at most one", () => {
    const members = Array.from({ length: 7 }, (_, index) => member(`m${index}`, index * 3, index !== 4));
    const counts = new Map<string, number>();
    for (const userId of rotate(members, 11, 1000)) counts.set(userId, (counts.get(userId) ?? 0) + 1);
    expect(counts.has("m4")).toBe(false);
    expect(Math.max(...counts.values()) - Math.min(...counts.values())).toBeLessThanOrEqual(1);
  });
});
