// Fills a world with deterministic people, pages, roles, customers and threads.
import { CUSTOMER_LAST_WORDS, EXCHANGES, FAMILY_NAMES, GIVEN_NAMES } from "./seed-corpus";
import { seedRandom, type SeedRandom } from "../shared/seed-random";
import type { World } from "./world";
import { PAGE_INBOX_APP_ID, type PageTask, type Thread } from "./world-types";

const ADMIN: PageTask[] = ["ANALYZE", "ADVERTISE", "MODERATE", "CREATE_CONTENT", "MANAGE", "MESSAGING"];
const EDITOR: PageTask[] = ["ANALYZE", "ADVERTISE", "MODERATE", "CREATE_CONTENT", "MESSAGING"];
const MODERATOR: PageTask[] = ["ANALYZE", "ADVERTISE", "MODERATE", "MESSAGING"];
const ANALYST: PageTask[] = ["ANALYZE"];

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const HISTORY_PAGE_NAME = "Cửa Hàng Lâu Năm";

export function seedWorld(world: World): void {
  const random = seedRandom(20_240_501);
  const an = world.addUser("Văn An", "Nguyễn");
  const binh = world.addUser("Thị Bình", "Trần");
  const chau = world.addUser("Minh Châu", "Lê");

  const hoaMai = world.addPage("Shop Thời Trang Hoa Mai", "Cửa hàng quần áo");
  const myPham = world.addPage("Mỹ Phẩm Thiên Nhiên", "Sức khỏe/Sắc đẹp");
  const giaDung = world.addPage("Đồ Gia Dụng Tiện Lợi", "Đồ gia dụng");
  const banhNgot = world.addPage("Tiệm Bánh Ngọt Sài Gòn", "Tiệm bánh");
  const lauNam = world.addPage(HISTORY_PAGE_NAME, "Cửa hàng bán lẻ");

  const grant = (userId: string, pageId: string, tasks: PageTask[]): void => {
    world.roles.push({ userId, pageId, tasks });
  };
  grant(an.id, hoaMai.id, ADMIN);
  grant(an.id, myPham.id, ADMIN);
  grant(an.id, lauNam.id, ADMIN);
  grant(an.id, banhNgot.id, MODERATOR);
  grant(binh.id, giaDung.id, ADMIN);
  grant(binh.id, lauNam.id, ADMIN);
  grant(binh.id, hoaMai.id, EDITOR);
  grant(binh.id, myPham.id, ANALYST);
  grant(chau.id, banhNgot.id, ADMIN);
  grant(chau.id, giaDung.id, MODERATOR);

  const recentAges = [5 * MINUTE, 3 * HOUR, 30 * HOUR];
  for (const page of [hoaMai, myPham, giaDung, banhNgot]) {
    const count = page === giaDung || page === banhNgot ? 2 : 3;
    for (let i = 0; i < count; i++) {
      seedThread(world, random, page.id, {
        lastCustomerAgeMs: recentAges[i] ?? HOUR,
        messageCount: random.int(2, 6),
      });
    }
  }

  for (let i = 0; i < world.config.historyThreads; i++) {
    seedThread(world, random, lauNam.id, {
      lastCustomerAgeMs: historyAge(i, random),
      messageCount: i % 5 === 0 ? random.int(24, 40) : random.int(3, 12),
      pageRepliedLast: i % 3 === 1,
    });
  }
}

/** Spreads the history threads over the reply-window buckets: < 24 h, 24 h – 7 days, > 7 days. */
function historyAge(index: number, random: SeedRandom): number {
  switch (index % 4) {
    case 0:
    case 3:
      return random.int(1, 22) * HOUR + random.int(0, 59) * MINUTE;
    case 1:
      return random.int(26, 160) * HOUR;
    default:
      return random.int(8, 60) * DAY;
  }
}

interface ThreadPlan {
  lastCustomerAgeMs: number;
  messageCount: number;
  pageRepliedLast?: boolean;
}

function seedThread(world: World, random: SeedRandom, pageId: string, plan: ThreadPlan): Thread {
  const customer = world.addCustomer(pageId, random.pick(GIVEN_NAMES), random.pick(FAMILY_NAMES));
  const thread = world.ensureThread(pageId, customer.psid);
  const lines: Array<readonly ["c" | "p", string]> = [];
  while (lines.length < plan.messageCount - 1) lines.push(...random.pick(EXCHANGES));
  lines.length = plan.messageCount - 1;
  lines.push(["c", random.pick(CUSTOMER_LAST_WORDS)]);
  if (plan.pageRepliedLast) lines.push(["p", "Dạ shop đã nhận được tin nhắn, em sẽ phản hồi chị ngay ạ"]);

  // Times are laid out backwards from the customer's last message, which fixes the reply window.
  const lastCustomerIndex = plan.pageRepliedLast ? lines.length - 2 : lines.length - 1;
  const lastCustomerAt = world.now() - plan.lastCustomerAgeMs;
  const times: number[] = new Array<number>(lines.length);
  times[lastCustomerIndex] = lastCustomerAt;
  for (let i = lastCustomerIndex - 1; i >= 0; i--) {
    const gap = random.next() < 0.15 ? random.int(1, 3) * DAY : random.int(1, 90) * MINUTE;
    times[i] = (times[i + 1] ?? lastCustomerAt) - gap;
  }
  for (let i = lastCustomerIndex + 1; i < lines.length; i++)
    times[i] = lastCustomerAt + (i - lastCustomerIndex) * MINUTE;

  lines.forEach(([speaker, text], i) => {
    const createdAt = times[i] ?? lastCustomerAt;
    const sendsPhoto = speaker === "c" && text.startsWith("Đây nha");
    world.appendMessage(thread, {
      direction: speaker === "c" ? "in" : "out",
      text: sendsPhoto ? undefined : text,
      attachments: sendsPhoto ? [{ type: "image", url: `/_emulator/media/anh-san-pham-${i}.svg` }] : [],
      createdAt,
      appId: speaker === "p" ? PAGE_INBOX_APP_ID : undefined,
    });
  });
  // The customer has seen everything the page sent before they last wrote; the page has seen older messages.
  thread.customerReadWatermark = lastCustomerAt;
  thread.customerDeliveredWatermark = lastCustomerAt;
  thread.pageSeenWatermark = times[Math.max(0, lastCustomerIndex - 1)] ?? 0;
  return thread;
}
