// Why a token stopped working, as a reason code stored in Channel.statusReason and translated for
// admins (channels.statusReasons.<code>). Each platform maps its own errors onto these.
export type TokenProblem = "token_expired" | "password_changed" | "app_removed" | "session_ended" | "token_invalid";
