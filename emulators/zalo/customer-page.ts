// The demo's "customer phone" for Zalo: pick an OA and a Zalo user, chat, send a photo, sticker or
// location, follow or unfollow, see the OA's messages (which marks them received) and mark them seen,
// and answer as the shop from Zalo's own OA Chat.
import { customerPageShell } from "../shared/customer-page-shell";
import { CUSTOMER_PAGE_SCRIPT } from "./customer-page-script";

const CSS = `
body{margin:0;font-family:Roboto,Helvetica,Arial,sans-serif;background:#f3f5f8;color:#081c36;font-size:15px}
header{background:#0068ff;color:#fff;padding:12px 20px;font-weight:700;font-size:18px}
aside,section{background:#fff;border-radius:8px;box-shadow:0 1px 3px rgba(0,0,0,.15);padding:16px}
select,input{width:100%;font:inherit;padding:8px 10px;border:1px solid #c9d1dd;border-radius:6px}
button{font:inherit;font-weight:600;border:0;border-radius:6px;padding:8px 12px;cursor:pointer;background:#e6e9ef}
button.primary{background:#0068ff;color:#fff}
button:focus-visible,input:focus-visible,select:focus-visible{outline:3px solid #8ab8ff;outline-offset:1px}
fieldset{border:1px solid #e6e9ef;border-radius:8px;margin-top:16px}
.who{display:flex;align-items:center;gap:10px;border-bottom:1px solid #e6e9ef;padding-bottom:10px}
.msg{max-width:70%;padding:8px 12px;border-radius:14px;white-space:pre-wrap;word-wrap:break-word}
.msg.user{align-self:flex-end;background:#0068ff;color:#fff}
.msg.oa{align-self:flex-start;background:#e6e9ef}
.msg img{max-width:200px;border-radius:10px;display:block}
.msg .quote{font-size:12px;opacity:.75;border-left:2px solid currentColor;padding-left:6px;margin-bottom:4px}
.meta{font-size:11px;color:#5a6981;margin:-2px 8px 4px}
.meta.user{align-self:flex-end}
.meta.oa{align-self:flex-start}
.composer{display:flex;gap:8px;border-top:1px solid #e6e9ef;padding-top:10px;flex-wrap:wrap}
#status{font-size:13px;color:#5a6981;min-height:1.2em;margin-top:6px}
`;

export function customerPageHtml(): string {
  return customerPageShell({
    title: "Người dùng Zalo (giả lập)",
    heading: "Zalo giả lập — đóng vai người dùng Zalo",
    css: CSS,
    aside: `  <label for="oa">Official Account</label>
  <select id="oa"></select>
  <label for="user">Người dùng Zalo</label>
  <select id="user"></select>
  <p><button type="button" id="toggle-follow">Quan tâm</button></p>
  <fieldset>
    <legend>Người dùng mới</legend>
    <label for="new-name">Tên Zalo</label>
    <input id="new-name" autocomplete="off" value="Phạm Thu Hà">
    <p><button type="button" id="create-user">Tạo người dùng và quan tâm OA</button></p>
  </fieldset>
  <fieldset>
    <legend>Nhân viên trả lời trên Zalo OA Chat</legend>
    <form id="oa-chat">
      <label for="oa-chat-text">Tin nhắn của OA</label>
      <input id="oa-chat-text" autocomplete="off">
      <p><button type="submit">Gửi từ OA Chat</button></p>
    </form>
  </fieldset>`,
    accountLineId: "who-oa",
    composerButtons: `    <button type="button" id="send-sticker">Gửi nhãn dán</button>
    <button type="button" id="send-location">Gửi vị trí</button>
    <button type="button" id="mark-seen">Đánh dấu đã xem</button>`,
    script: CUSTOMER_PAGE_SCRIPT,
  });
}
