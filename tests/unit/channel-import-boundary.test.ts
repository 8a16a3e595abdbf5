// The lint rule that keeps platform folders private (eslint.config.mjs): generic code importing
// lib/channels/facebook/ fails the lint; the registry, the platform's own places (its settings page
// among them) and tests may.
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

const violation = 'import { sendMessage } from "@/lib/channels/facebook/send-message";\nexport const send = sendMessage;\n';

let eslint: ESLint;
// Loading Next's rule sets takes seconds, once.
beforeAll(async () => {
  eslint = new ESLint({ cwd: process.cwd() });
  await eslint.calculateConfigForFile("lib/inbox/deliver-reply.ts");
}, 60_000);

async function boundaryErrors(filePath: string, code = violation): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((message) => message.ruleId === "no-restricted-imports").map((message) => message.message);
}

describe("the channel import boundary", () => {
  it.each([
    "lib/inbox/deliver-reply.ts",
    "lib/assignment/route-new-conversation.ts",
    "components/inbox/composer.tsx",
    "app/api/conversations/route.ts",
    "app/(app)/settings/channels/page.tsx",
    "components/channels/platform-settings-page.tsx",
    "components/channels/channels-overview.tsx",
  ])(
    "fails generic code that imports a platform folder (%s)",
    async (filePath) => {
      const errors = await boundaryErrors(filePath);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toContain("lib/channels/registry.ts");
    },
  );

  it("keeps one platform's settings page out of another platform's folder", async () => {
    expect(await boundaryErrors("app/(app)/settings/channels/zalo/page.tsx")).toHaveLength(1);
  });

  it("fails a relative import of a platform folder too, outside benchmarks", async () => {
    expect(await boundaryErrors("lib/inbox/x.ts", 'export { sendMessage } from "../channels/facebook/send-message";\n')).toHaveLength(1);
    expect(await boundaryErrors("bench/x.ts", 'import "../lib/channels/facebook/send-message";\n')).toHaveLength(0);
    expect(await boundaryErrors("lib/server/x.ts", 'import "../../lib/channels/facebook/send-message";\n')).toHaveLength(1);
  });

  it.each([
    "lib/channels/registry.ts",
    "lib/channels/facebook/provider.ts",
    "app/api/channels/facebook/connect/route.ts",
    "app/api/webhooks/facebook/route.ts",
    "app/(app)/settings/channels/facebook/page.tsx",
    "components/channels/facebook/facebook-wizard.tsx",
    "tests/unit/send-api-payload.test.ts",
  ])("lets %s import its platform", async (filePath) => {
    expect(await boundaryErrors(filePath)).toEqual([]);
  });
});
