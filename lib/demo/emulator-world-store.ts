// The demo's emulators keep their worlds in the app's database (EmulatorWorld, one row per emulator:
// "meta", "zalo"), so a restarted demo finds the pages, OAs, tokens and subscriptions the app still
// holds; a fresh database seeds fresh worlds. Each emulator validates its snapshot when it loads it.
import type { WorldStore } from "@/emulators/shared/world-saver";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

export type DemoEmulatorId = "meta" | "zalo";

export function emulatorWorldStore<Snapshot>(id: DemoEmulatorId = "meta"): WorldStore<Snapshot> {
  return {
    load: async () => (await db().emulatorWorld.findUnique({ where: { id } }))?.snapshot ?? undefined,
    save: async (snapshot) => {
      const json = snapshot as unknown as Prisma.InputJsonValue;
      await db().emulatorWorld.upsert({ where: { id }, create: { id, snapshot: json }, update: { snapshot: json } });
    },
  };
}
