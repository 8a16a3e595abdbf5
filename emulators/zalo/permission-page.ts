// The HTML of the emulated OA permission page: the signed-in Zalo user (an OA administrator) picks
// one of their OAs and answers "Cho phép" or "Từ chối".
import { escapeHtml as e } from "../shared/html-escape";
import { zaloPage } from "./html-layout";
import type { OfficialAccount, ZaloPerson } from "./world-types";

/** What the app asked for, carried through the form unchanged. */
export interface PermissionRequest {
  appId: string;
  redirectUri: string;
  codeChallenge: string;
  state?: string;
}

/** What an OA grants an app through this page (the labels Zalo shows, paraphrased). */
const SCOPES = [
  "Quản lý và gửi tin nhắn tư vấn tới người quan tâm OA",
  "Đọc thông tin người quan tâm OA",
  "Đọc lịch sử tin nhắn của OA",
  "Tải lên hình ảnh và tệp đính kèm",
];

export interface PermissionScreen {
  request: PermissionRequest;
  appName: string;
  admins: ZaloPerson[];
  admin: ZaloPerson;
  oas: OfficialAccount[];
  avatarUrl: (id: string) => string;
  /** The page's own URL for another account ("Đổi tài khoản"). */
  switchUrl: (personId: string) => string;
}

export function permissionScreen(s: PermissionScreen): string {
  const others = s.admins
    .filter((a) => a.id !== s.admin.id)
    .map((a) => `<a href="${e(s.switchUrl(a.id))}">Dùng tài khoản ${e(a.name)}</a>`)
    .join("");
  const choices = s.oas
    .map(
      (
        oa,
        i,
      ) => `<div class="row"><label class="choice"><input type="radio" name="oa_id" value="${e(oa.id)}"${i === 0 ? " checked" : ""} required>
<img src="${e(s.avatarUrl(oa.id))}" alt=""><span><strong>${e(oa.name)}</strong><br><span class="muted">${e(oa.description)}</span></span></label></div>`,
    )
    .join("\n");
  const hidden = [
    ["app_id", s.request.appId],
    ["redirect_uri", s.request.redirectUri],
    ["code_challenge", s.request.codeChallenge],
    ["state", s.request.state ?? ""],
    ["admin_id", s.admin.id],
  ]
    .map(([name, value]) => `<input type="hidden" name="${name}" value="${e(value ?? "")}">`)
    .join("\n");
  const form =
    s.oas.length === 0
      ? `<p class="error">Tài khoản ${e(s.admin.name)} không quản trị Official Account nào.</p>`
      : `<form method="post" action="/v4/oa/permission">
${hidden}
<fieldset><legend>Chọn Official Account</legend>
${choices}
</fieldset>
<p class="muted">${e(s.appName)} sẽ được phép:</p>
<ul class="scopes">${SCOPES.map((scope) => `<li>${e(scope)}</li>`).join("")}</ul>
<div class="actions">
<button type="submit" name="decision" value="deny" class="secondary">Từ chối</button>
<button type="submit" name="decision" value="allow" class="primary">Cho phép</button>
</div>
</form>`;
  const body = `<h1>Cấp quyền cho ứng dụng ${e(s.appName)}</h1>
<p class="lead">Đang đăng nhập: <strong>${e(s.admin.name)}</strong></p>
${others ? `<nav class="accounts" aria-label="Đổi tài khoản">${others}</nav>` : ""}
${form}`;
  return zaloPage("Cấp quyền cho ứng dụng", body);
}

export function permissionErrorScreen(message: string): string {
  return zaloPage(
    "Lỗi cấp quyền",
    `<h1>Không thể cấp quyền</h1><p class="error" role="alert">${e(message)}</p>`,
  );
}
