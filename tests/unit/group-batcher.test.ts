// The group batcher's settled(): the webhook drain waits on it for the publications a batch asked
// for but did not wait for.
import { describe, expect, it } from "vitest";
import { createGroupBatcher } from "@/lib/batching/group-batcher";

describe("createGroupBatcher settled()", () => {
  it("resolves at once when idle, and otherwise only after every waiting and running batch, failed ones included", async () => {
    const handled: number[][] = [];
    const running: Array<() => void> = [];
    /** Lets the running batch finish, once it has started. */
    const release = async () => {
      while (running.length === 0) await new Promise((resolve) => setTimeout(resolve, 1));
      running.shift()!();
    };
    const batcher = createGroupBatcher<number>({
      maxInFlight: 1,
      batchSize: (waiting) => waiting.length,
      run: async (batch) => {
        await new Promise<void>((resolve) => running.push(resolve));
        handled.push(batch);
        if (batch.includes(3)) throw new Error("batch failed");
      },
    });
    await batcher.settled();

    const first = batcher(1);
    const second = batcher(2).catch((error: Error) => error.message);
    const third = batcher(3).catch((error: Error) => error.message);
    let settled = false;
    const waiting = batcher.settled().then(() => (settled = true));
    await release();
    await first;
    expect(settled).toBe(false);
    await release();
    expect(await second).toBe("batch failed");
    expect(await third).toBe("batch failed");
    await waiting;
    expect(handled).toEqual([[1], [2, 3]]);
  });
});
