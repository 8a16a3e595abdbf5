// The world every start and reset begins with, the same ids and texts each time: one shop owner
// administering the demo OA and a second OA, a customer-care lead with a third OA full of history.
import { seedRandom, type SeedRandom } from "../shared/seed-random";
import type { ZaloWorld } from "./world";
import type { OaUser } from "./world-types";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** What a host may vary in the seeded world. */
export interface SeedOptions {
  /** Conversations of "Giày Dép Lâu Năm", the OA for history-import tests (default 30). */
  historyConversations?: number;
}

const DEMO_OA_NAME = "Shop Thời Trang Mai";

export function seedWorldWith(options: SeedOptions): (world: ZaloWorld) => void {
  return (world) => {
    const mai = world.addPerson("Trần Thị Mai");
    const huy = world.addPerson("Lê Quốc Huy");
    const demo = world.addOa({
      name: DEMO_OA_NAME,
      description: "Thời trang nữ công sở, giao hàng toàn quốc",
      adminIds: [mai.id],
      paidQuota: 2000,
    });
    world.addOa({
      name: "Mỹ Phẩm Mai Linh",
      description: "Mỹ phẩm thiên nhiên chính hãng",
      adminIds: [mai.id],
      paidQuota: 2000,
    });
    const history = world.addOa({
      name: "Giày Dép Lâu Năm",
      description: "Cửa hàng giày dép từ 2015",
      adminIds: [huy.id],
      paidQuota: 500,
    });
    seedDemoFollowers(world, demo.id);
    seedHistory(world, history.id, options.historyConversations ?? 30, seedRandom(20261203));
  };
}

export const seedWorld = seedWorldWith({});

/** The demo OA's followers, each at a different point of the reply window. */
function seedDemoFollowers(world: ZaloWorld, oaId: string): void {
  const now = world.now();
  const followers: Array<{ name: string; phone?: string; lastWrote: number; lines: string[] }> = [
    {
      name: "Nguyễn Thu Hà",
      phone: "84912345678",
      lastWrote: 10 * 60_000,
      lines: [
        "Chào shop, váy hoa size M còn không ạ?",
        "Dạ còn chị ơi, chị lấy màu nào ạ?",
        "Màu xanh nha shop",
      ],
    },
    {
      name: "Phạm Minh Tuấn",
      lastWrote: 3 * HOUR,
      lines: ["Áo sơ mi nam có size XL không shop?", "Dạ có anh, 350.000đ ạ."],
    },
    { name: "Võ Ngọc Lan", lastWrote: 30 * HOUR, lines: ["Đơn của mình giao chưa shop?"] },
    {
      name: "Đặng Thị Hồng",
      phone: "84987654321",
      lastWrote: 3 * DAY,
      lines: ["Shop ơi đổi size được không?", "Dạ được chị, chị gửi lại giúp em nhé."],
    },
    { name: "Bùi Văn Khoa", lastWrote: 10 * DAY, lines: ["Cảm ơn shop, mình nhận được hàng rồi."] },
  ];
  for (const f of followers) {
    const person = world.addPerson(
      f.name,
      f.phone ? { phone: f.phone, address: "Quận 1, TP. Hồ Chí Minh" } : {},
    );
    const user = world.ensureOaUser(oaId, person.id);
    user.following = true;
    writeAlternating(world, user, f.lines, now - f.lastWrote - (f.lines.length - 1) * 60_000, 60_000);
  }
}

const CUSTOMER_NAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng"];
const GIVEN_NAMES = [
  "An",
  "Bình",
  "Châu",
  "Dung",
  "Giang",
  "Hải",
  "Khánh",
  "Linh",
  "Nam",
  "Oanh",
  "Phúc",
  "Quân",
  "Thảo",
  "Vy",
];
const CUSTOMER_LINES = [
  "Shop còn mẫu này không ạ?",
  "Giá bao nhiêu vậy shop?",
  "Ship về Đà Nẵng mấy ngày?",
  "Cho mình xem size 38",
  "Mình chuyển khoản rồi nhé",
];
const OA_LINES = [
  "Dạ còn ạ.",
  "Dạ 450.000đ ạ.",
  "Dạ 2-3 ngày ạ.",
  "Dạ shop gửi ảnh ngay ạ.",
  "Dạ shop nhận được rồi, cảm ơn bạn!",
];

/**
 * Adds `count` conversations to an OA, spread over the last 60 days (some still in the 7-day window),
 * every fifth long enough to need several history pages.
 */
export function seedHistory(world: ZaloWorld, oaId: string, count: number, random: SeedRandom): void {
  const now = world.now();
  for (let i = 0; i < count; i++) {
    const person = world.addPerson(`${random.pick(CUSTOMER_NAMES)} ${random.pick(GIVEN_NAMES)}`);
    const user = world.ensureOaUser(oaId, person.id);
    user.following = random.next() < 0.8;
    const length = i % 5 === 0 ? random.int(15, 25) : random.int(1, 8);
    const lastAt = now - random.int(5, 60 * 24 * 60) * 60_000;
    const lines = Array.from({ length }, (_, n) =>
      n % 2 === 0 ? random.pick(CUSTOMER_LINES) : random.pick(OA_LINES),
    );
    writeAlternating(world, user, lines, lastAt - (length - 1) * 7 * 60_000, 7 * 60_000);
  }
}

/** Customer first, then the OA, and so on; the user's last message sets their window. */
function writeAlternating(
  world: ZaloWorld,
  user: OaUser,
  lines: string[],
  start: number,
  step: number,
): void {
  lines.forEach((text, n) => {
    const time = start + n * step;
    const fromUser = n % 2 === 0;
    world.appendMessage({
      oaId: user.oaId,
      userId: user.userId,
      src: fromUser ? 1 : 0,
      time,
      type: "text",
      text,
      attachments: [],
      ...(fromUser ? {} : { via: "oa_chat" as const, receivedAt: time + 1000, seenAt: time + 2000 }),
    });
    if (fromUser) {
      user.lastUserMessageAt = time;
      user.repliesSinceUserMessage = 0;
    } else user.repliesSinceUserMessage++;
  });
}
