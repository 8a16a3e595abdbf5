// The HTML screens of the emulated Facebook Login dialog, with the Vietnamese labels users know.
import { escapeHtml as e, facebookPage } from "./html-layout";
import type { FacebookUser, Page, PageRole } from "./world-types";

const PERMISSION_LABELS: Record<string, string> = {
  pages_show_list: "Hiển thị danh sách các Trang bạn quản lý",
  pages_messaging: "Quản lý và truy cập các cuộc trò chuyện của Trang trên Messenger",
  pages_manage_metadata: "Quản lý tài khoản, cài đặt và webhook của Trang",
  pages_read_engagement: "Đọc nội dung được đăng trên Trang",
  business_management: "Quản lý doanh nghiệp của bạn",
  email: "Địa chỉ email của bạn",
};

export function permissionLabel(scope: string): string {
  return PERMISSION_LABELS[scope] ?? `Quyền ${scope}`;
}

export interface DialogForm {
  /** Where the forms post back to, e.g. "/v27.0/dialog/oauth/step". */
  action: string;
  sessionId: string;
  appName: string;
}

function form(f: DialogForm, screen: string, inner: string): string {
  return `<form method="post" action="${e(f.action)}">
<input type="hidden" name="session" value="${e(f.sessionId)}">
<input type="hidden" name="screen" value="${e(screen)}">
${inner}
</form>`;
}

const cancelButton = `<button type="submit" name="action" value="cancel" class="secondary">Hủy</button>`;

export function chooseUserScreen(
  f: DialogForm,
  users: FacebookUser[],
  avatarUrl: (id: string) => string,
): string {
  const rows = users
    .map(
      (u) => `<div class="row"><img src="${e(avatarUrl(u.id))}" alt="">
<div class="grow"><strong>${e(u.name)}</strong></div>
<button type="submit" name="userId" value="${e(u.id)}" class="primary">Tiếp tục dưới tên ${e(u.name)}</button></div>`,
    )
    .join("\n");
  const body = `<h1>Đăng nhập bằng Facebook</h1>
<p class="lead">Chọn tài khoản Facebook để tiếp tục tới ${e(f.appName)}.</p>
${form(f, "user", `${rows}<div class="actions">${cancelButton}</div>`)}`;
  return facebookPage("Đăng nhập bằng Facebook", body);
}

export interface PageChoice {
  page: Page;
  role: PageRole;
  pictureUrl: string;
  checked: boolean;
}

function roleName(role: PageRole): string {
  if (role.tasks.includes("MANAGE")) return "Quản trị viên";
  if (role.tasks.includes("CREATE_CONTENT")) return "Biên tập viên";
  if (role.tasks.includes("MODERATE")) return "Người kiểm duyệt";
  return "Nhà phân tích";
}

export function choosePagesScreen(
  f: DialogForm,
  user: FacebookUser,
  choices: PageChoice[],
  editing: boolean,
): string {
  const rows = choices
    .map((c, i) => {
      const picture = `<img src="${e(c.pictureUrl)}" alt="">`;
      const role = `<span class="muted" id="role-${i}">${e(roleName(c.role))}</span>`;
      if (!editing)
        return `<div class="row">${picture}<div class="grow"><strong>${e(c.page.name)}</strong><br>${role}</div></div>`;
      return `<div class="row">${picture}<div class="grow">
<label class="choice"><input type="checkbox" name="page" value="${e(c.page.id)}"${c.checked ? " checked" : ""} aria-describedby="role-${i}"> ${e(c.page.name)}</label><br>${role}</div></div>`;
    })
    .join("\n");
  const empty = choices.length === 0 ? `<p class="muted">Bạn không quản lý Trang nào.</p>` : "";
  const editButton = editing
    ? `<input type="hidden" name="editing" value="1">`
    : `<button type="submit" name="action" value="edit" class="link">Chỉnh sửa cài đặt</button>`;
  const body = `<h1>${editing ? "Chọn các Trang" : `${e(f.appName)} muốn truy cập các Trang của bạn`}</h1>
<p class="lead">Đăng nhập dưới tên ${e(user.name)}. ${
    editing
      ? `Chọn các Trang mà ${e(f.appName)} được phép truy cập.`
      : `${e(f.appName)} sẽ truy cập ${choices.filter((c) => c.checked).length} Trang.`
  }</p>
${form(
  f,
  "pages",
  `${rows}${empty}<div class="actions">${editButton}${cancelButton}
<button type="submit" name="action" value="continue" class="primary">Tiếp tục</button></div>`,
)}`;
  return facebookPage("Chọn Trang", body);
}

export function permissionsScreen(
  f: DialogForm,
  user: FacebookUser,
  scopes: string[],
  rerequest: boolean,
): string {
  const groups = scopes
    .map(
      (scope) => `<fieldset>
<legend>${e(permissionLabel(scope))} <code>(${e(scope)})</code></legend>
<label class="choice"><input type="radio" name="perm:${e(scope)}" value="granted" checked> Có</label>
<label class="choice"><input type="radio" name="perm:${e(scope)}" value="declined"> Không</label>
</fieldset>`,
    )
    .join("\n");
  const intro = rerequest
    ? `${e(f.appName)} đang yêu cầu lại những quyền bạn đã từ chối.`
    : `Chọn Có hoặc Không cho từng quyền ${e(f.appName)} yêu cầu.`;
  const empty = scopes.length === 0 ? `<p class="muted">Không có quyền mới nào cần cấp.</p>` : "";
  const body = `<h1>${e(f.appName)} muốn có các quyền sau</h1>
<p class="lead">Đăng nhập dưới tên ${e(user.name)}. ${intro}</p>
${form(
  f,
  "permissions",
  `${groups}${empty}<div class="actions">${cancelButton}
<button type="submit" name="action" value="done" class="primary">Xong</button></div>`,
)}`;
  return facebookPage("Cấp quyền", body);
}

export function dialogErrorScreen(message: string): string {
  return facebookPage("Lỗi", `<h1>Đã xảy ra lỗi</h1><p class="error" role="alert">${e(message)}</p>`);
}
