// "Chia hội thoại khả dựng" explained per platform from each provider's own reply window: Messenger
// answers up to 7 days after the customer's last message (HUMAN_AGENT), Zalo up to 7 days (-230 after).
import { describe, expect, it } from "vitest";
import { answerableDays } from "@/lib/channels/answerable-days";

describe("how long each platform keeps a conversation answerable", () => {
  it("reads 7 days for Facebook and for Zalo from their reply windows", () => {
    expect(answerableDays()).toEqual([
      { platform: "facebook", days: 7 },
      { platform: "zalo", days: 7 },
    ]);
  });
});
