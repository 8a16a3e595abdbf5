// The demo's Meta emulator keeps its world in the app's database (EmulatorWorld), so a restarted demo
// finds the pages, tokens and subscriptions the app still holds; a fresh database seeds a fresh world.
import type { WorldStore } from "@/emulators/meta/world-store";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

const DEMO_EMULATOR_ID = "meta";

export function emulatorWorldStore(id = DEMO_EMULATOR_ID): WorldStore {
  return {
    load: async () => (await db().emulatorWorld.findUnique({ where: { id } }))?.snapshot ?? undefined,
    save: async (snapshot) => {
      const json = snapshot as unknown as Prisma.InputJsonValue;
      await db().emulatorWorld.upsert({ where: { id }, create: { id, snapshot: json }, update: { snapshot: json } });
    },
  };
}
