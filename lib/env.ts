// The only reader of process.env: every variable is declared and validated here, once.
import { z } from "zod";
import { EMBEDDED_DATABASE_PORT } from "@/lib/server/embedded-database-url";
import { StartupError } from "@/lib/server/startup-error";
import { isProxyEntry } from "@/lib/http/client-address";
import type { Platform } from "@/lib/generated/prisma/enums";

const booleanString = z
  .enum(["true", "false", "1", "0"])
  .transform((value) => value === "true" || value === "1");

const base64Key = z
  .string()
  .refine((value) => Buffer.from(value, "base64").length === 32, "must be 32 bytes, base64-encoded");

/** Where the app keeps its own files; read before the rest, since the embedded database comes from here. */
const storageSchema = z.object({
  /** Demo-mode secrets, the embedded PostgreSQL (postgres/) and, unless UPLOADS_DIR says otherwise, uploads. */
  DATA_DIR: z.string().min(1).default(".data"),
  /** The embedded PostgreSQL's port (used when DATABASE_URL is unset). */
  EMBEDDED_DATABASE_PORT: z.coerce.number().int().min(1).max(65535).default(EMBEDDED_DATABASE_PORT),
});

/** A comma-separated list, each entry an address or CIDR block (lib/http/client-address.ts). */
const proxyList = z
  .string()
  .transform((value) => value.split(",").map((entry) => entry.trim()).filter((entry) => entry !== ""))
  .refine((entries) => entries.every(isProxyEntry), "must be comma-separated addresses or CIDR blocks, e.g. 10.0.0.0/8,::1");

const envSchema = storageSchema.extend({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Public URL of the app, used for OAuth redirects and next-auth. */
  APP_URL: z.url().default("http://localhost:3000"),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }),
  NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters"),
  TOKEN_ENCRYPTION_KEY: base64Key,
  /** Demo mode (isDemoMode): the emulators stand in for the platforms and demo data is seeded. */
  DEMO_MODE: booleanString.default(false),
  /** Facebook's app: all three or none (platformVariables). */
  META_APP_ID: z.string().min(1).optional(),
  META_APP_SECRET: z.string().min(8).optional(),
  META_VERIFY_TOKEN: z.string().min(8).optional(),
  META_GRAPH_URL: z.url().default("https://graph.facebook.com"),
  META_DIALOG_URL: z.url().default("https://www.facebook.com"),
  META_GRAPH_VERSION: z.string().regex(/^v\d+\.\d+$/, "must look like v27.0").default("v27.0"),
  META_EMULATOR_PORT: z.coerce.number().int().min(1).max(65535).default(4010),
  /** In demo mode, whether this process runs the platform emulators: with several processes only one does (`npm run cluster`). */
  RUN_EMULATORS: booleanString.default(true),
  /** Zalo's app and the OA secret key that signs its webhooks: all three or none (platformVariables). */
  ZALO_APP_ID: z.string().min(1).optional(),
  ZALO_APP_SECRET: z.string().min(8).optional(),
  ZALO_OA_SECRET_KEY: z.string().min(8).optional(),
  /** Zalo's permission page and token endpoint. */
  ZALO_OAUTH_URL: z.url().default("https://oauth.zaloapp.com"),
  /** Zalo's Open API (messages, uploads, profiles, history). */
  ZALO_API_URL: z.url().default("https://openapi.zalo.me"),
  ZALO_EMULATOR_PORT: z.coerce.number().int().min(1).max(65535).default(4020),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  /** Where files attached to replies are kept; Facebook fetches them from APP_URL/api/uploads/<id>. */
  UPLOADS_DIR: z.string().min(1).default(".data/uploads"),
  /** Where reply attachments are kept: `disk` (UPLOADS_DIR, one process) or `database` (shared by several processes). */
  UPLOAD_STORAGE: z.enum(["disk", "database"]).default("disk"),
  /** Proxies whose X-Forwarded-For is believed for the client's address (sign-in throttling); none by default. */
  TRUSTED_PROXIES: proxyList.default([]),
  /** Minutes with no inbox tab open after which "Sẵn sàng nhận chat" turns "Tạm vắng" by itself. */
  AVAILABILITY_AWAY_AFTER_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  /**
   * Database connections per process (docs/decisions.md, "Connections per process"): the defaults
   * add up to 27, so three processes stay under PostgreSQL's default max_connections of 100.
   */
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(500).default(10),
  /** The webhook worker thread's own Prisma pool: its 8 events in parallel, its claim and its publication. */
  WEBHOOK_WORKER_POOL_MAX: z.coerce.number().int().min(1).max(500).default(10),
  /** pg-boss's pool (fetching, completing and scheduling jobs). */
  JOB_QUEUE_POOL_MAX: z.coerce.number().int().min(1).max(500).default(4),
  /** The postgres realtime adapter's pool: one session held for LISTEN, the others for NOTIFY. */
  REALTIME_POOL_MAX: z.coerce.number().int().min(2).max(500).default(2),
  /** Carries realtime events between processes over Redis streams instead of PostgreSQL (redis://…). */
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  /** The mail server, as one URL (smtp://user:pass@host:587, smtps:// for TLS from the start)… */
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  /** …or as separate fields. */
  SMTP_HOST: z.string().min(1).optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  SMTP_USER: z.string().min(1).optional(),
  SMTP_PASSWORD: z.string().min(1).optional(),
  /** TLS from the first byte (port 465); otherwise STARTTLS is used when the server offers it. */
  SMTP_SECURE: booleanString.optional(),
  /** The sender of invitations and reset links, e.g. "Shop Hoa Mai <no-reply@shop.vn>". */
  MAIL_FROM: z.string().min(3).optional(),
});

/** The mail settings: none set means no mail is sent; any set means they must describe a server. */
const mailVariables = ["SMTP_URL", "SMTP_HOST", "SMTP_PORT", "SMTP_USER", "SMTP_PASSWORD", "SMTP_SECURE", "MAIL_FROM"] as const;

/**
 * Each platform's own settings. A platform is configured when its variables are set, all of them
 * together; a platform with none set is simply not offered.
 */
export const platformVariables = {
  facebook: ["META_APP_ID", "META_APP_SECRET", "META_VERIFY_TOKEN"],
  zalo: ["ZALO_APP_ID", "ZALO_APP_SECRET", "ZALO_OA_SECRET_KEY"],
} as const satisfies Record<Platform, readonly string[]>;

const isSet = (source: Record<string, unknown>, name: string) => source[name] !== undefined && source[name] !== "";

export function configuredPlatforms(source: Record<string, unknown>): Platform[] {
  return (Object.keys(platformVariables) as Platform[]).filter((platform) => platformVariables[platform].some((name) => isSet(source, name)));
}

/**
 * The one place demo mode is decided: on with DEMO_MODE=true, off with DEMO_MODE=false, otherwise on
 * exactly when no platform is configured (a shop that configures any one platform is not a demo).
 */
export function isDemoMode(source: Record<string, string | undefined>): boolean {
  if (source.DEMO_MODE === "true" || source.DEMO_MODE === "1") return true;
  if (source.DEMO_MODE === "false" || source.DEMO_MODE === "0") return false;
  return configuredPlatforms(source).length === 0;
}

/** A platform's variables are validated together: one set means all must be. */
const completeSchema = envSchema.superRefine((values, context) => {
  for (const platform of configuredPlatforms(values)) {
    const names = platformVariables[platform];
    for (const name of names.filter((variable) => !isSet(values, variable))) {
      context.addIssue({ code: "custom", path: [name], message: `${platform} needs ${names.join(", ")} together`, params: { missing: true } });
    }
  }
  if (mailVariables.some((name) => isSet(values, name))) {
    const mail = "sending mail needs MAIL_FROM and either SMTP_URL or SMTP_HOST";
    if (!isSet(values, "MAIL_FROM")) context.addIssue({ code: "custom", path: ["MAIL_FROM"], message: mail, params: { missing: true } });
    if (!isSet(values, "SMTP_URL") && !isSet(values, "SMTP_HOST")) context.addIssue({ code: "custom", path: ["SMTP_URL"], message: mail, params: { missing: true } });
    if (isSet(values, "SMTP_URL") && isSet(values, "SMTP_HOST")) {
      context.addIssue({ code: "custom", path: ["SMTP_HOST"], message: "set either SMTP_URL or SMTP_HOST and its fields, not both" });
    }
  }
});

export type Env = z.infer<typeof envSchema>;

/** A start-up failure (server.ts prints its sentence as it is). */
export class EnvError extends StartupError {}

/** Turns zod's issues into one sentence per variable, e.g. "NEXTAUTH_SECRET is missing." */
function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const name = String(issue.path[0]);
      if (issue.code === "invalid_type" && issue.input === undefined) return `${name} is missing.`;
      if (issue.code === "custom" && issue.params?.missing) return `${name} is missing: ${issue.message}.`;
      return `${name} is invalid: ${issue.message}.`;
    })
    .join(" ");
}

function parseWith<T extends z.ZodType>(schema: T, source: Record<string, string | undefined>): z.infer<T> {
  // An empty assignment in .env (`NAME=`) means "not set", so defaults and "is missing" apply.
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const result = schema.safeParse(present);
  if (!result.success) throw new EnvError(`Configuration error. ${describeIssues(result.error)}`);
  return result.data;
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  return parseWith(completeSchema, source);
}

/** The storage settings alone: start-up needs them before DATABASE_URL exists. */
export function storageSettings(): z.infer<typeof storageSchema> {
  return parseWith(storageSchema, process.env);
}

const cache = globalThis as unknown as { __env?: Env };

/** Validated environment, parsed on first use (after server.ts has prepared demo defaults). */
export function env(): Env {
  cache.__env ??= parseEnv(process.env);
  return cache.__env;
}
