// Issue 9, item 13: the README's "Connect a demo page" steps name what the screens show, word for
// word: every bold label of the numbered steps is a whole Vietnamese UI string of the app, or a
// button of the Meta emulator's Facebook dialog. The same for "Connect the demo Zalo OA" and the Zalo
// emulator's permission page (issue 11).
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { catalogAreas } from "@/lib/i18n/catalog-areas";

function strings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (typeof value !== "object" || value === null) return [];
  return Object.values(value).flatMap(strings);
}

const readme = readFileSync("README.md", "utf8");
const steps = readme.slice(readme.indexOf("### Connect a demo page"), readme.indexOf("Things to try:"));
const labels = [...steps.matchAll(/\*\*([^*]+)\*\*/g)].map((match) => match[1] as string);
const appStrings = new Set(catalogAreas.flatMap((area) => strings(JSON.parse(readFileSync(`messages/vi/${area}.json`, "utf8")))));
// The emulator's dialog, with the Facebook user the README signs in as (seed-world.ts: "Nguyễn Văn An").
const dialog = readFileSync("emulators/meta/oauth-dialog-pages.ts", "utf8").replaceAll("${e(u.name)}", "Nguyễn Văn An");
const onDialog = (label: string) => dialog.includes(`>${label}</button>`) || dialog.includes(`> ${label}</label>`);

it("item 13: every bold label of the README's connect steps is on a screen, word for word", () => {
  expect(labels).toEqual(expect.arrayContaining(["Không, chỉ mình tôi", "Có, tiếp tục", "Tạo quy tắc mới", "Thêm vào quy tắc đã có", "Tiếp tục", "Lưu"]));
  const missing = labels.filter((label) => !appStrings.has(label) && !onDialog(label));
  expect(missing).toEqual([]);
});

const zaloSteps = readme.slice(readme.indexOf("### Connect the demo Zalo OA"), readme.indexOf("Things to try with Zalo:"));
const zaloLabels = [...zaloSteps.matchAll(/\*\*([^*]+)\*\*/g)].map((match) => match[1] as string);
const permissionPage = readFileSync("emulators/zalo/permission-page.ts", "utf8");

it("issue 11: every bold label of the README's Zalo steps is on a screen, word for word", () => {
  expect(zaloLabels).toEqual(expect.arrayContaining(["Cấu hình Zalo", "Thêm kết nối", "Cho phép", "Kết nối OA này", "Không, chỉ mình tôi", "Có, tiếp tục", "Đã kết nối"]));
  const missing = zaloLabels.filter((label) => !appStrings.has(label) && !permissionPage.includes(`>${label}</button>`));
  expect(missing).toEqual([]);
});
