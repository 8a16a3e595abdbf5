// Input shapes for staff management, shared by the API and the forms.
import { z } from "zod";
import { passwordSchema } from "@/lib/auth/password-policy";
import { channelHandoverSchema } from "@/lib/staff/channel-handover-schema";

export const roleSchema = z.enum(["admin", "agent"]);

export const staffNameSchema = z.string().trim().min(1).max(100);
export const emailSchema = z.string().trim().toLowerCase().pipe(z.email());

export const addStaffSchema = z.object({
  name: staffNameSchema,
  email: emailSchema,
  role: roleSchema,
  password: passwordSchema,
});

/** "Mời nhân viên": the account the link will create. */
export const inviteStaffSchema = addStaffSchema.omit({ password: true });

/**
 * One change at a time: lock or unlock the account (with, when locking someone who connected "only
 * me" pages, what becomes of each page), change its role, or rename it.
 */
export const updateStaffSchema = z.union([
  z.strictObject({ active: z.boolean(), channelHandover: z.array(channelHandoverSchema).max(200).optional() }),
  z.strictObject({ role: roleSchema }),
  z.strictObject({ name: staffNameSchema }),
]);

export type AddStaffInput = z.infer<typeof addStaffSchema>;
export type InviteStaffInput = z.infer<typeof inviteStaffSchema>;
