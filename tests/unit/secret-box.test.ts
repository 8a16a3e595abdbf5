import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";

beforeAll(() => {
  Object.assign(process.env, {
    DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/unused",
    NEXTAUTH_SECRET: "x".repeat(32),
    TOKEN_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    META_APP_ID: "1",
    META_APP_SECRET: "app-secret",
    META_VERIFY_TOKEN: "verify-token",
  });
});

describe("secret box", () => {
  it("round-trips a token and never stores the plaintext", async () => {
    const { decryptSecret, encryptSecret } = await import("@/lib/crypto/secret-box");
    const sealed = encryptSecret("EAAB-page-token");
    expect(sealed).not.toContain("EAAB");
    expect(sealed.startsWith("v1.")).toBe(true);
    expect(decryptSecret(sealed)).toBe("EAAB-page-token");
  });

  it("refuses a tampered ciphertext", async () => {
    const { decryptSecret, encryptSecret } = await import("@/lib/crypto/secret-box");
    const [version, iv, tag, body] = encryptSecret("token").split(".");
    const flipped = Buffer.from(body!, "base64url");
    flipped[0]! ^= 1;
    expect(() => decryptSecret([version, iv, tag, flipped.toString("base64url")].join("."))).toThrow();
  });
});
