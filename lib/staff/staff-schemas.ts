// Input shapes for staff management, shared by the API and the forms.
import { z } from "zod";

export const passwordSchema = z.string().min(8, "password_too_short").max(200);

export const addStaffSchema = z.object({
  name: z.string().trim().min(1).max(100),
  email: z.string().trim().toLowerCase().pipe(z.email()),
  role: z.enum(["admin", "agent"]),
  password: passwordSchema,
});

export const updateStaffSchema = z.object({ active: z.boolean() });

export type AddStaffInput = z.infer<typeof addStaffSchema>;
