// The in-memory Facebook that every endpoint of the emulator reads and changes.
import { appendBounded, pendingDelivery } from "../shared/webhook-delivery";
import type { Fault } from "./faults";
import { IdGenerator } from "./ids";
import { seedWorld } from "./seed-world";
import type {
  AccessToken,
  AuthCode,
  Customer,
  DialogSession,
  EmulatorConfig,
  FacebookUser,
  Grant,
  Page,
  PageRole,
  SendRecord,
  StoredMessage,
  Subscription,
  Thread,
  WebhookDelivery,
} from "./world-types";

export class World {
  /** Absolute URL of the emulator itself, used to build avatar, media and paging links. */
  baseUrl = "";
  ids = new IdGenerator();
  users: FacebookUser[] = [];
  pages: Page[] = [];
  roles: PageRole[] = [];
  customers: Customer[] = [];
  threads: Thread[] = [];
  grants = new Map<string, Grant>();
  tokens = new Map<string, AccessToken>();
  /** Same user token + page → same page token, as Facebook returns on repeated /me/accounts. */
  pageTokenCache = new Map<string, string>();
  codes = new Map<string, AuthCode>();
  dialogs = new Map<string, DialogSession>();
  subscriptions = new Map<string, Subscription>();
  sends: SendRecord[] = [];
  deliveries: WebhookDelivery[] = [];
  faults: Fault[] = [];
  faultCounter = 0;
  /** Bumped by reset(), so work scheduled for the old world (receipts, retries) can tell it is stale. */
  generation = 0;
  private deliveryCounter = 0;
  private readonly messagesByMid = new Map<string, { thread: Thread; message: StoredMessage }>();

  constructor(readonly config: EmulatorConfig) {
    seedWorld(this);
  }

  now(): number {
    return Date.now();
  }

  /** Back to the seeded state; the config (webhook URL, timings) is how the app is wired, so it stays. */
  reset(): void {
    this.generation++;
    this.ids = new IdGenerator();
    this.users = [];
    this.pages = [];
    this.roles = [];
    this.customers = [];
    this.threads = [];
    this.grants.clear();
    this.tokens.clear();
    this.pageTokenCache.clear();
    this.codes.clear();
    this.dialogs.clear();
    this.subscriptions.clear();
    this.sends = [];
    this.deliveries = [];
    this.faults = [];
    this.faultCounter = 0;
    this.deliveryCounter = 0;
    this.messagesByMid.clear();
    seedWorld(this);
  }

  /** Rebuilds the lookup by message id after the threads were replaced wholesale (a restored snapshot). */
  indexMessages(): void {
    this.messagesByMid.clear();
    for (const thread of this.threads)
      for (const message of thread.messages) this.messagesByMid.set(message.mid, { thread, message });
  }

  user(id: string): FacebookUser | undefined {
    return this.users.find((u) => u.id === id);
  }

  page(id: string): Page | undefined {
    return this.pages.find((p) => p.id === id);
  }

  role(userId: string, pageId: string): PageRole | undefined {
    return this.roles.find((r) => r.userId === userId && r.pageId === pageId);
  }

  rolesOf(userId: string): PageRole[] {
    return this.roles.filter((r) => r.userId === userId);
  }

  customer(psid: string): Customer | undefined {
    return this.customers.find((c) => c.psid === psid);
  }

  thread(id: string): Thread | undefined {
    return this.threads.find((t) => t.id === id);
  }

  threadOf(pageId: string, psid: string): Thread | undefined {
    return this.threads.find((t) => t.pageId === pageId && t.psid === psid);
  }

  message(mid: string): { thread: Thread; message: StoredMessage } | undefined {
    return this.messagesByMid.get(mid);
  }

  addUser(firstName: string, lastName: string): FacebookUser {
    const user = { id: this.ids.numeric("1000"), firstName, lastName, name: `${lastName} ${firstName}` };
    this.users.push(user);
    return user;
  }

  addPage(name: string, category: string): Page {
    const page = { id: this.ids.numeric("1090"), name, category };
    this.pages.push(page);
    return page;
  }

  addCustomer(pageId: string, firstName: string, lastName: string): Customer {
    const customer = {
      psid: this.ids.numeric("2500"),
      pageId,
      firstName,
      lastName,
      name: `${lastName} ${firstName}`,
    };
    this.customers.push(customer);
    return customer;
  }

  ensureThread(pageId: string, psid: string): Thread {
    const existing = this.threadOf(pageId, psid);
    if (existing) return existing;
    const thread: Thread = {
      id: this.ids.threadId(),
      pageId,
      psid,
      messages: [],
      customerReadWatermark: 0,
      customerDeliveredWatermark: 0,
      pageSeenWatermark: 0,
    };
    this.threads.push(thread);
    return thread;
  }

  appendMessage(
    thread: Thread,
    fields: Omit<StoredMessage, "mid" | "threadId" | "reactions">,
  ): StoredMessage {
    const message: StoredMessage = { ...fields, mid: this.ids.mid(), threadId: thread.id, reactions: {} };
    thread.messages.push(message);
    thread.messages.sort((a, b) => a.createdAt - b.createdAt);
    this.messagesByMid.set(message.mid, { thread, message });
    return message;
  }

  recordSend(record: SendRecord): void {
    appendBounded(this.sends, record);
  }

  newDelivery(fields: Omit<WebhookDelivery, "id" | "state" | "attempts" | "createdAt">): WebhookDelivery {
    const delivery: WebhookDelivery = pendingDelivery(fields, ++this.deliveryCounter, this.now());
    appendBounded(this.deliveries, delivery);
    return delivery;
  }

  /** Makes a stored relative link ("/_emulator/...") absolute; links given by callers pass through. */
  absolute(url: string): string {
    return url.startsWith("/") ? `${this.baseUrl}${url}` : url;
  }
}
