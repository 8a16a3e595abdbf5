import { describe, expect, it } from "vitest";
import { TYPING_ON_INTERVAL_MS, TYPING_SHOWN_MS, TypingThrottle } from "@/lib/inbox/typing-throttle";

describe("TypingThrottle", () => {
  it("passes typing_on at most once per interval per conversation", () => {
    const throttle = new TypingThrottle();
    expect(throttle.next("c1", true, 0)).toBe("typing_on");
    expect(throttle.next("c1", true, TYPING_ON_INTERVAL_MS - 1)).toBeNull();
    expect(throttle.next("c2", true, 10)).toBe("typing_on");
    expect(throttle.next("c1", true, TYPING_ON_INTERVAL_MS)).toBe("typing_on");
  });

  it("passes typing_off only while the indicator is showing", () => {
    const throttle = new TypingThrottle();
    expect(throttle.next("c1", false, 0)).toBeNull();
    throttle.next("c1", true, 0);
    expect(throttle.next("c1", false, 1000)).toBe("typing_off");
    expect(throttle.next("c1", false, 1001)).toBeNull();
    throttle.next("c1", true, 2000);
    expect(throttle.next("c1", false, 2000 + TYPING_SHOWN_MS)).toBeNull();
  });
});
