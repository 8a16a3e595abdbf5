// Durations on the reports screen read as people say them: the largest unit and the next one down,
// whole numbers, no unit that is zero.
import { describe, expect, it } from "vitest";
import { durationTicks, formatDuration, type DurationUnit } from "@/components/reports/format-duration";

const vi: Record<DurationUnit, string> = { days: "ngày", hours: "giờ", minutes: "phút", seconds: "giây" };
const say = (seconds: number, parts?: 1 | 2) =>
  formatDuration(seconds, (unit, count) => `${count} ${vi[unit]}`, parts);

describe("formatDuration", () => {
  it.each([
    [0, "0 giây"],
    [0.4, "0 giây"],
    [45, "45 giây"],
    [59.6, "1 phút"],
    [60, "1 phút"],
    [270, "4 phút 30 giây"],
    [3_600, "1 giờ"],
    [7_500, "2 giờ 5 phút"],
    [7_559, "2 giờ 5 phút"],
    [86_400 + 4 * 3_600 + 59, "1 ngày 4 giờ"],
    [3 * 86_400 + 30, "3 ngày"],
    [-5, "0 giây"],
  ])("%s s → %s", (seconds, text) => {
    expect(say(seconds)).toBe(text);
  });

  it("writes the largest unit alone for chart axes", () => {
    expect(say(270, 1)).toBe("4 phút");
    expect(say(7_500, 1)).toBe("2 giờ");
  });
});

describe("durationTicks", () => {
  it.each([
    [0, [0, 1]],
    [45, [0, 15, 30, 45]],
    [564, [0, 300, 600]],
    [1_800, [0, 600, 1_200, 1_800]],
    [1_801, [0, 600, 1_200, 1_800, 2_400]],
    [5 * 3_600, [0, 7_200, 14_400, 21_600]],
    [60 * 86_400, [0, 15 * 86_400, 30 * 86_400, 45 * 86_400, 60 * 86_400]],
  ])("up to %s s: %j", (max, ticks) => {
    expect(durationTicks(max)).toEqual(ticks);
  });
});
