// Issue 9, item 12: dates as Vietnamese people write them, from the one formatter every screen uses.
import { describe, expect, it } from "vitest";
import { dateFormat } from "@/lib/i18n/date-format";

const ZONE = "Asia/Ho_Chi_Minh";
// 23:03 on 2 December 2026 in Ho Chi Minh City (UTC+7): still 2 December in UTC, 16:03.
const evening = new Date("2026-12-02T16:03:00Z");
// 00:30 on 3 December in Vietnam is 17:30 on 2 December in UTC: the day is Vietnam's.
const afterMidnight = new Date("2026-12-02T17:30:00Z");

describe("item 12: the shared date formatter", () => {
  const vi = dateFormat("vi", ZONE);
  const en = dateFormat("en", ZONE);

  it("writes Vietnamese dates as people write them", () => {
    expect(vi.time(evening)).toBe("23:03");
    expect(vi.dayMonth(evening)).toBe("02/12");
    expect(vi.date(evening)).toBe("02/12/2026");
    expect(vi.dayMonthTime(evening)).toBe("23:03 02/12");
    expect(vi.dateTime(evening)).toBe("23:03 02/12/2026");
    expect(vi.longDay(evening)).toBe("Thứ Tư, 02/12/2026");
    expect(vi.full(evening)).toBe("Thứ Tư, 23:03 02/12/2026");
  });

  it("keeps day-first numbers in English, with the time after the date", () => {
    expect(en.dateTime(evening)).toBe("02/12/2026, 23:03");
    expect(en.dayMonthTime(evening)).toBe("02/12, 23:03");
    expect(en.longDay(evening)).toBe("Wednesday, 02/12/2026");
  });

  it("counts days and hours in the shops' time zone, on a 24-hour clock", () => {
    expect(vi.dateTime(afterMidnight)).toBe("00:30 03/12/2026");
    expect(vi.dayKey(afterMidnight)).toBe("2026-12-03");
    expect(vi.dayKey(evening)).toBe("2026-12-02");
    expect(vi.time(new Date("2026-01-05T05:07:00Z"))).toBe("12:07");
  });
});
