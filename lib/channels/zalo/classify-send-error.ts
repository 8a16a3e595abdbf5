// Decides what a failed Zalo send means (docs/platforms/zalo.md, "Errors"): try again later
// (transient), or stop and tell the agent why (permanent, with a reason code the UI translates:
// inbox.failures.<code>). Zalo's errors arrive inside HTTP 200 bodies as negative codes. Pure. The
// sentences, in the agents' language, cover every Message.failureCode a reply can get.
import type { SendErrorClass, SendFailureCode } from "@/lib/channels/send-failure";
import type { ZaloError } from "@/lib/channels/zalo/zalo-client";

/** The sentence stored in Message.failureReason: readable by an agent, never Zalo's raw text. */
export const sendFailureReasons: Record<SendFailureCode, string> = {
  window_closed: "Khách chưa tương tác với OA trong 7 ngày qua; Zalo không cho trả lời cho đến khi khách nhắn lại.",
  token_invalid: "Zalo không còn chấp nhận kết nối của OA này; quản trị viên cần kết nối lại OA rồi gửi lại.",
  user_unavailable: "Khách không thể nhận tin từ OA (chưa quan tâm OA, đã chặn OA hoặc lâu không hoạt động).",
  permission_missing: "Zalo từ chối: OA hết lượt tin nhắn tư vấn trả phí hoặc gói OA không cho phép gửi tin này.",
  policy_blocked: "Zalo chặn tin nhắn này vì vi phạm chính sách.",
  message_invalid: "Zalo từ chối nội dung (quá dài, tệp quá lớn hoặc định dạng không hỗ trợ: ảnh tối đa 1 MB, tệp PDF/DOC/DOCX tối đa 5 MB).",
  send_unconfirmed: "Không đọc được phản hồi của Zalo; hãy kiểm tra trên Zalo OA trước khi gửi lại.",
  send_rejected: "Zalo từ chối gửi tin nhắn này.",
  retries_exhausted: "Zalo chưa nhận tin nhắn sau nhiều lần thử; hãy thử lại sau.",
  channel_disconnected: "OA đã bị ngắt kết nối khỏi ứng dụng; quản trị viên cần kết nối lại để gửi.",
};

const permanent = (code: SendFailureCode, channelNeedsReconnect = false): SendErrorClass => ({
  kind: "permanent",
  code,
  reason: sendFailureReasons[code],
  channelNeedsReconnect,
});

/** -230/-232: no interaction within the window; -213 not a follower; -227 inactive over 45 days. */
const WINDOW_CODES = new Set([-230, -232]);
const USER_CODES = new Set([-213, -227]);
/** -211 out of quota; -224 the OA's tier does not allow it. */
const QUOTA_CODES = new Set([-211, -224]);
/** -201/-210: a parameter Zalo refused (text too long, a file it cannot take). */
const CONTENT_CODES = new Set([-201, -210]);

export function classifySendError(error: Pick<ZaloError, "status" | "code" | "failure" | "transient" | "tokenProblem">): SendErrorClass {
  if (error.failure === "timeout" || error.failure === "network") return { kind: "transient" };
  if (error.tokenProblem) return permanent("token_invalid", true);
  if (WINDOW_CODES.has(error.code)) return permanent("window_closed");
  if (USER_CODES.has(error.code)) return permanent("user_unavailable");
  if (QUOTA_CODES.has(error.code)) return permanent("permission_missing");
  if (CONTENT_CODES.has(error.code)) return permanent("message_invalid");
  if (error.transient) return { kind: "transient" };
  // A 2xx whose body we could not read: Zalo may well have sent it, so retrying could duplicate.
  if (error.failure === "bad_reply" && error.status >= 200 && error.status < 300) return permanent("send_unconfirmed");
  return permanent("send_rejected");
}
