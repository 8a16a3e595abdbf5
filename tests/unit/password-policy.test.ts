import { describe, expect, it } from "vitest";
import { passwordSchema } from "@/lib/auth/password-policy";

const reason = (password: string) => {
  const result = passwordSchema.safeParse(password);
  return result.success ? null : result.error.issues[0]?.message;
};

describe("new passwords", () => {
  it("refuses fewer than 8 characters", () => {
    expect(reason("abc1234")).toBe("password_too_short");
  });

  it("refuses the passwords guessers try first, whatever their case", () => {
    for (const common of ["12345678", "Password1", "MATKHAU123", "anhyeuem"]) expect(reason(common)).toBe("password_too_common");
  });

  it("takes a password of 8 characters or more that is not on the list", () => {
    expect(reason("hoa-mai-2026")).toBeNull();
    expect(reason("Tiệm bánh của mẹ")).toBeNull();
  });
});
