import { describe, expect, it } from "vitest";
import { EnvError, configuredPlatforms, isDemoMode, parseEnv } from "@/lib/env";
import { isMailConfigured } from "@/lib/mail/send-mail";

const valid = {
  DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/chat",
  NEXTAUTH_SECRET: "x".repeat(32),
  TOKEN_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString("base64"),
  META_APP_ID: "123",
  META_APP_SECRET: "secret-secret",
  META_VERIFY_TOKEN: "verify-token",
};

describe("parseEnv", () => {
  it("accepts a complete configuration and fills defaults", () => {
    const env = parseEnv(valid);
    expect(env.PORT).toBe(3000);
    expect(env.META_GRAPH_URL).toBe("https://graph.facebook.com");
    expect(env.DEMO_MODE).toBe(false);
  });

  it("names a missing variable in a sentence", () => {
    expect(() => parseEnv({ ...valid, NEXTAUTH_SECRET: undefined })).toThrow(new EnvError("Configuration error. NEXTAUTH_SECRET is missing."));
  });

  it("names a malformed variable and says what is wrong", () => {
    expect(() => parseEnv({ ...valid, TOKEN_ENCRYPTION_KEY: "short" })).toThrow(
      /TOKEN_ENCRYPTION_KEY is invalid: must be 32 bytes, base64-encoded/,
    );
    expect(() => parseEnv({ ...valid, DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL is invalid/);
  });

  it("item 5: reads TRUSTED_PROXIES as a list of addresses and CIDR blocks, empty by default", () => {
    expect(parseEnv(valid).TRUSTED_PROXIES).toEqual([]);
    expect(parseEnv({ ...valid, TRUSTED_PROXIES: " 10.0.0.0/8, ::1 ," }).TRUSTED_PROXIES).toEqual(["10.0.0.0/8", "::1"]);
    expect(() => parseEnv({ ...valid, TRUSTED_PROXIES: "10.0.0.0/8,proxy.local" })).toThrow(/TRUSTED_PROXIES is invalid: must be comma-separated addresses or CIDR blocks/);
  });
});

describe("per-platform settings and demo mode", () => {
  const withoutFacebook = { ...valid, META_APP_ID: undefined, META_APP_SECRET: undefined, META_VERIFY_TOKEN: undefined };

  it("accepts a server with no platform configured", () => {
    expect(parseEnv(withoutFacebook).META_APP_ID).toBeUndefined();
  });

  it("names every variable a half-configured platform is missing", () => {
    expect(() => parseEnv({ ...withoutFacebook, META_APP_ID: "123" })).toThrow(
      new EnvError(
        "Configuration error. META_APP_SECRET is missing: facebook needs META_APP_ID, META_APP_SECRET, META_VERIFY_TOKEN together. META_VERIFY_TOKEN is missing: facebook needs META_APP_ID, META_APP_SECRET, META_VERIFY_TOKEN together.",
      ),
    );
  });

  it("is a demo exactly when DEMO_MODE says so, or when it is unset and no platform is configured", () => {
    expect(isDemoMode({})).toBe(true);
    expect(isDemoMode({ META_APP_ID: "123" })).toBe(false);
    expect(isDemoMode({ DEMO_MODE: "true", META_APP_ID: "123" })).toBe(true);
    expect(isDemoMode({ DEMO_MODE: "false" })).toBe(false);
    expect(configuredPlatforms({ META_APP_ID: "123" })).toEqual(["facebook"]);
    expect(configuredPlatforms({ META_APP_ID: "" })).toEqual([]);
  });

  it("validates Zalo's variables together, and a shop that configures only Zalo is not a demo", () => {
    const zalo = { ZALO_APP_ID: "1234567890", ZALO_APP_SECRET: "zalo-app-secret", ZALO_OA_SECRET_KEY: "zalo-oa-secret" };
    expect(parseEnv({ ...withoutFacebook, ...zalo })).toMatchObject({ ...zalo, ZALO_API_URL: "https://openapi.zalo.me", ZALO_OAUTH_URL: "https://oauth.zaloapp.com", ZALO_EMULATOR_PORT: 4020 });
    expect(() => parseEnv({ ...withoutFacebook, ZALO_APP_ID: "1234567890", ZALO_OA_SECRET_KEY: "zalo-oa-secret" })).toThrow(
      new EnvError("Configuration error. ZALO_APP_SECRET is missing: zalo needs ZALO_APP_ID, ZALO_APP_SECRET, ZALO_OA_SECRET_KEY together."),
    );
    expect(configuredPlatforms(zalo)).toEqual(["zalo"]);
    expect(configuredPlatforms({ ...valid, ...zalo })).toEqual(["facebook", "zalo"]);
    expect(isDemoMode(zalo)).toBe(false);
  });
});

describe("mail settings", () => {
  const mailOf = (source: Record<string, string>) => isMailConfigured(parseEnv({ ...valid, ...source }));

  it("sends no mail when none is set, and mail when a URL or a host comes with MAIL_FROM", () => {
    expect(mailOf({})).toBe(false);
    expect(mailOf({ SMTP_URL: "smtp://user:pass@mail.shop.vn:587", MAIL_FROM: "no-reply@shop.vn" })).toBe(true);
    expect(mailOf({ SMTP_HOST: "mail.shop.vn", SMTP_PORT: "465", SMTP_SECURE: "true", SMTP_USER: "u", SMTP_PASSWORD: "p", MAIL_FROM: "no-reply@shop.vn" })).toBe(true);
  });

  it("names what a half-configured mail server lacks", () => {
    expect(() => parseEnv({ ...valid, SMTP_URL: "smtp://mail.shop.vn:587" })).toThrow(
      new EnvError("Configuration error. MAIL_FROM is missing: sending mail needs MAIL_FROM and either SMTP_URL or SMTP_HOST."),
    );
    expect(() => parseEnv({ ...valid, MAIL_FROM: "no-reply@shop.vn" })).toThrow(
      new EnvError("Configuration error. SMTP_URL is missing: sending mail needs MAIL_FROM and either SMTP_URL or SMTP_HOST."),
    );
    expect(() => parseEnv({ ...valid, SMTP_URL: "smtp://mail.shop.vn", SMTP_HOST: "mail.shop.vn", MAIL_FROM: "no-reply@shop.vn" })).toThrow(
      new EnvError("Configuration error. SMTP_HOST is invalid: set either SMTP_URL or SMTP_HOST and its fields, not both."),
    );
    expect(() => parseEnv({ ...valid, SMTP_URL: "https://mail.shop.vn", MAIL_FROM: "no-reply@shop.vn" })).toThrow(/SMTP_URL is invalid/);
  });
});
