// The CSV exports' column headers, in the language of the person downloading (the file is read by
// people, and Excel shows the first line as the header row).
import type { Locale } from "@/lib/i18n/locales";

export const agentColumns = {
  vi: ["Nhân viên", "Đang hoạt động", "Hội thoại đã xử lý", "Tin trả lời", "Phản hồi đầu tiên, trung vị (giây)", "Phản hồi đầu tiên, p90 (giây)", "Đã đóng", "Đang mở"],
  en: ["Agent", "Active", "Conversations handled", "Replies", "First response, median (s)", "First response, p90 (s)", "Closed", "Open now"],
} satisfies Record<Locale, string[]>;

export const conversationColumns = {
  vi: [
    "Mã hội thoại", "Khách hàng", "Nền tảng", "Trang/OA", "Nhân viên phụ trách", "Bắt đầu", "Mở lại",
    "Tin nhắn đầu của khách", "Phản hồi đầu tiên", "Người phản hồi", "Thời gian phản hồi (giây)",
    "Đóng lúc", "Thời gian xử lý (giây)", "Số lần chia lại vì không trả lời",
  ],
  en: [
    "Conversation id", "Customer", "Platform", "Page/OA", "Agent in charge", "Started", "Reopened",
    "First customer message", "First response", "Responder", "First response time (s)",
    "Closed at", "Resolution time (s)", "Reassigned for no answer",
  ],
} satisfies Record<Locale, string[]>;

export const yesNo = { vi: ["Có", "Không"], en: ["Yes", "No"] } satisfies Record<Locale, [string, string]>;
