// What becomes of the "only me" pages of someone being deactivated: each goes to an active admin
// ("only me" for them) or into a rule. Asked before the deactivation completes (hand-over-channels.ts).
import { z } from "zod";
import { idSchema } from "@/lib/http/id-schema";

export const channelHandoverSchema = z.discriminatedUnion("to", [
  z.strictObject({ channelId: idSchema, to: z.literal("admin"), adminId: idSchema }),
  z.strictObject({ channelId: idSchema, to: z.literal("rule"), ruleId: idSchema }),
]);

export type ChannelHandover = z.infer<typeof channelHandoverSchema>;
