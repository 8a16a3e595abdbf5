// Issue 9, item 6g: /api/health is a liveness answer with no data in it.
import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/health/route";
import { startRealtimeTestServer } from "../support/realtime-test-server";

describe("item 6g: /api/health says whether the app is alive, and nothing else", () => {
  it("answers 200 {status: ok} while the database and the realtime server run", async () => {
    const realtime = await startRealtimeTestServer();
    try {
      const response = await GET();
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: "ok" });
    } finally {
      await realtime.close();
    }
  });

  it("answers 503 {status: unavailable} when a part is down (here the realtime server), naming none", async () => {
    const response = await GET();
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "unavailable" });
  });
});
