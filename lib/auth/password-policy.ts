// What a new password must be: at least 8 characters and not one of the passwords guessers try
// first. The list is short on purpose: it stops the guesses that work, not every weak password.
import { z } from "zod";

/** Compared after lower-casing; the Vietnamese ones are what shops here reach for first. */
const COMMON_PASSWORDS = new Set([
  "12345678", "123456789", "1234567890", "87654321", "11111111", "00000000", "88888888", "66668888",
  "12341234", "11223344", "password", "password1", "password123", "matkhau", "matkhau1", "matkhau123",
  "qwertyui", "qwerty123", "abc12345", "abcd1234", "iloveyou", "admin123", "admin1234", "welcome1",
  "letmein1", "123123123", "anhyeuem", "emyeuanh", "motconvit", "changeme", "trustno1", "aa123456",
]);

export const passwordSchema = z
  .string()
  .min(8, "password_too_short")
  .max(200)
  .refine((password) => !COMMON_PASSWORDS.has(password.toLowerCase()), "password_too_common");
