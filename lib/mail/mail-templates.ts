// The text of each e-mail the app sends, in the shop's language (Vietnamese unless told otherwise).
// Plain text only: the link is the message, and plain text survives every mail client.
import { defaultLocale, type Locale } from "@/lib/i18n/locales";

export type MailContent = { subject: string; text: string };

type InvitationMail = { name: string; shopName: string; link: string; locale?: Locale };
/** "admin": an admin reset the password (the old one no longer works); "self": the person asked. */
type PasswordResetMail = { name: string; shopName: string; link: string; requestedBy: "admin" | "self"; locale?: Locale };

export function invitationMail({ name, shopName, link, locale = defaultLocale }: InvitationMail): MailContent {
  if (locale === "en") {
    return {
      subject: `You are invited to ${shopName}`,
      text: `Hello ${name},\n\n${shopName} invites you to answer its customers' messages. Open this link within 7 days to set your password and start:\n\n${link}\n\nIf you did not expect this invitation, ignore this e-mail.\n`,
    };
  }
  return {
    subject: `Lời mời tham gia ${shopName}`,
    text: `Chào ${name},\n\n${shopName} mời bạn cùng trả lời tin nhắn của khách hàng. Mở đường dẫn này trong vòng 7 ngày để đặt mật khẩu và bắt đầu:\n\n${link}\n\nNếu bạn không chờ lời mời này, hãy bỏ qua email.\n`,
  };
}

export function passwordResetMail({ name, shopName, link, requestedBy, locale = defaultLocale }: PasswordResetMail): MailContent {
  if (locale === "en") {
    const why = requestedBy === "admin" ? `An admin of ${shopName} reset your password and signed you out.` : `Someone (probably you) asked to reset your password for ${shopName}.`;
    const after = requestedBy === "admin" ? "" : "\nIf you did not ask for this, ignore this e-mail: your password stays as it is.\n";
    return {
      subject: `Reset your password for ${shopName}`,
      text: `Hello ${name},\n\n${why} Open this link within 24 hours to choose a new password. It works once:\n\n${link}\n${after}`,
    };
  }
  const why = requestedBy === "admin" ? `Quản trị viên của ${shopName} đã đặt lại mật khẩu của bạn và đăng xuất bạn khỏi mọi thiết bị.` : `Có người (có lẽ là bạn) đã yêu cầu đặt lại mật khẩu của bạn ở ${shopName}.`;
  const after = requestedBy === "admin" ? "" : "\nNếu bạn không yêu cầu, hãy bỏ qua email này: mật khẩu của bạn vẫn giữ nguyên.\n";
  return {
    subject: `Đặt lại mật khẩu cho ${shopName}`,
    text: `Chào ${name},\n\n${why} Mở đường dẫn này trong vòng 24 giờ để đặt mật khẩu mới. Đường dẫn chỉ dùng được một lần:\n\n${link}\n${after}`,
  };
}
