// The wizard's chat-permission step: "Không, chỉ mình tôi", or "Có, tiếp tục" with either
// "Tạo quy tắc mới" (the rule form's fields) or "Thêm vào quy tắc đã có".
import { z } from "zod";
import { ruleInputSchema } from "@/lib/assignment/rule-schemas";

export const chatModeChoiceSchema = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("only_me") }),
  z.object({ mode: z.literal("new_rule"), rule: ruleInputSchema }),
  z.object({ mode: z.literal("existing_rule"), ruleId: z.string().min(1).max(64) }),
]);

export type ChatModeChoice = z.input<typeof chatModeChoiceSchema>;
export type ParsedChatModeChoice = z.output<typeof chatModeChoiceSchema>;
