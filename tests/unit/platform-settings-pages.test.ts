// Every platform has its own settings page (app/(app)/settings/channels/<platform>/page.tsx), the one
// place outside its folders that picks its screen: the overview's card and the reconnect banner link
// there, so a platform without it would lead admins to a 404.
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { platforms } from "@/lib/channels/platform-names";

describe("platform settings pages", () => {
  it.each(platforms)("%s has a settings page", (platform) => {
    expect(existsSync(`app/(app)/settings/channels/${platform}/page.tsx`)).toBe(true);
  });
});
