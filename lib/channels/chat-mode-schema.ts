// The wizard's chat-permission step: "Không, chỉ mình tôi", or "Có, tiếp tục" with the rule that
// shares the page — one picked under "Thêm vào quy tắc đã có", or the one just saved with the rule
// form under "Tạo quy tắc mới" (POST /api/rules creates it; this choice then settles the page).
// Staff who connected their own page share it only through a rule they belong to, or ask admins for
// a new one ("request_rule": the page stays in their own inbox until an admin creates the rule).
import { z } from "zod";
import { idSchema } from "@/lib/http/id-schema";

export const chatModeChoiceSchema = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("only_me") }),
  z.object({ mode: z.literal("shared"), ruleId: idSchema }),
  z.object({ mode: z.literal("request_rule") }),
]);

export type ChatModeChoice = z.input<typeof chatModeChoiceSchema>;
export type ParsedChatModeChoice = z.output<typeof chatModeChoiceSchema>;
