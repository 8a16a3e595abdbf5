// Input shapes for staff management, shared by the API and the forms.
import { z } from "zod";

export const passwordSchema = z.string().min(8, "password_too_short").max(200);

const roleSchema = z.enum(["admin", "agent"]);

export const addStaffSchema = z.object({
  name: z.string().trim().min(1).max(100),
  email: z.string().trim().toLowerCase().pipe(z.email()),
  role: roleSchema,
  password: passwordSchema,
});

/** One change at a time: lock or unlock the account, or change its role. */
export const updateStaffSchema = z.union([z.strictObject({ active: z.boolean() }), z.strictObject({ role: roleSchema })]);

export type AddStaffInput = z.infer<typeof addStaffSchema>;
