// The in-memory Zalo that every endpoint of the emulator reads and changes.
import { appendBounded, pendingDelivery } from "../shared/webhook-delivery";
import type { Fault } from "./faults";
import { ZaloIds } from "./ids";
import { seedWorld } from "./seed-world";
import type {
  AccessToken,
  AuthCode,
  OaUser,
  OfficialAccount,
  RefreshToken,
  RefreshUse,
  Upload,
  WebhookDelivery,
  ZaloEmulatorConfig,
  ZaloMessage,
  ZaloPerson,
} from "./world-types";

export class ZaloWorld {
  /** Absolute URL of the emulator itself, for avatar and media links. */
  baseUrl = "";
  ids = new ZaloIds();
  people: ZaloPerson[] = [];
  oas: OfficialAccount[] = [];
  oaUsers: OaUser[] = [];
  /** Every conversation's messages, oldest first. */
  messages: ZaloMessage[] = [];
  codes = new Map<string, AuthCode>();
  accessTokens = new Map<string, AccessToken>();
  refreshTokens = new Map<string, RefreshToken>();
  refreshUses: RefreshUse[] = [];
  uploads = new Map<string, Upload>();
  deliveries: WebhookDelivery[] = [];
  faults: Fault[] = [];
  faultCounter = 0;
  /** How far emulator time runs ahead of the wall clock: tests cross 48 h or 7 days without waiting. */
  clockOffsetMs = 0;
  /** Bumped by reset(), so work scheduled for the old world (retries) can tell it is stale. */
  generation = 0;
  private deliveryCounter = 0;

  constructor(
    readonly config: ZaloEmulatorConfig,
    private readonly seed: (world: ZaloWorld) => void = seedWorld,
  ) {
    this.seed(this);
  }

  now(): number {
    return Date.now() + this.clockOffsetMs;
  }

  /** Back to the seeded state; the config (webhook URL, timings) is how the app is wired, so it stays. */
  reset(): void {
    this.generation++;
    this.ids = new ZaloIds();
    this.people = [];
    this.oas = [];
    this.oaUsers = [];
    this.messages = [];
    this.codes.clear();
    this.accessTokens.clear();
    this.refreshTokens.clear();
    this.refreshUses = [];
    this.uploads.clear();
    this.deliveries = [];
    this.faults = [];
    this.faultCounter = 0;
    this.clockOffsetMs = 0;
    this.deliveryCounter = 0;
    this.seed(this);
  }

  person(id: string): ZaloPerson | undefined {
    return this.people.find((p) => p.id === id);
  }

  oa(id: string): OfficialAccount | undefined {
    return this.oas.find((o) => o.id === id);
  }

  oaUser(oaId: string, userId: string): OaUser | undefined {
    return this.oaUsers.find((u) => u.oaId === oaId && u.userId === userId);
  }

  usersOf(oaId: string): OaUser[] {
    return this.oaUsers.filter((u) => u.oaId === oaId);
  }

  /** One conversation, oldest first. */
  conversation(oaId: string, userId: string): ZaloMessage[] {
    return this.messages.filter((m) => m.oaId === oaId && m.userId === userId);
  }

  message(msgId: string): ZaloMessage | undefined {
    return this.messages.find((m) => m.msgId === msgId);
  }

  addPerson(name: string, extra: Omit<ZaloPerson, "id" | "name"> = {}): ZaloPerson {
    const person = { id: this.ids.numeric("8"), name, ...extra };
    this.people.push(person);
    return person;
  }

  addOa(fields: Omit<OfficialAccount, "id">): OfficialAccount {
    const oa = { id: this.ids.numeric("579"), ...fields };
    this.oas.push(oa);
    return oa;
  }

  /** The person as this OA sees them, created on first contact (a follow or a first message). */
  ensureOaUser(oaId: string, personId: string): OaUser {
    const existing = this.oaUsers.find((u) => u.oaId === oaId && u.personId === personId);
    if (existing) return existing;
    const user: OaUser = {
      oaId,
      personId,
      userId: this.ids.numeric("4"),
      userIdByApp: this.ids.numeric("6"),
      following: false,
      repliesSinceUserMessage: 0,
    };
    this.oaUsers.push(user);
    return user;
  }

  displayName(user: OaUser): string {
    return this.person(user.personId)?.name ?? "Người dùng Zalo";
  }

  appendMessage(fields: Omit<ZaloMessage, "msgId">): ZaloMessage {
    const message: ZaloMessage = { msgId: this.ids.msgId(), ...fields };
    this.messages.push(message);
    return message;
  }

  recordRefreshUse(use: RefreshUse): void {
    appendBounded(this.refreshUses, use);
  }

  newDelivery(fields: Pick<WebhookDelivery, "oaId" | "eventName" | "body" | "url">): WebhookDelivery {
    const delivery: WebhookDelivery = pendingDelivery(fields, ++this.deliveryCounter, this.now());
    appendBounded(this.deliveries, delivery);
    return delivery;
  }

  /** Makes a stored relative link ("/_emulator/...") absolute; links given by callers pass through. */
  absolute(url: string): string {
    return url.startsWith("/") ? `${this.baseUrl}${url}` : url;
  }

  avatarUrl(id: string): string {
    return `${this.baseUrl}/_emulator/zalo/avatar/${id}.svg`;
  }
}
