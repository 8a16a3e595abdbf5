// The demo's "customer phone": pick a page and a customer, chat, send photos/likes, react, mark as read.
import { customerPageShell } from "../shared/customer-page-shell";
import { CUSTOMER_PAGE_SCRIPT } from "./customer-page-script";

const CSS = `
body{margin:0;font-family:Helvetica,Arial,"Segoe UI",sans-serif;background:#f0f2f5;color:#050505;font-size:15px}
header{background:#1877f2;color:#fff;padding:12px 20px;font-weight:700;font-size:18px}
aside,section{background:#fff;border-radius:8px;box-shadow:0 1px 2px rgba(0,0,0,.2);padding:16px}
select,input{width:100%;font:inherit;padding:8px 10px;border:1px solid #ccd0d5;border-radius:6px}
button{font:inherit;font-weight:600;border:0;border-radius:6px;padding:8px 12px;cursor:pointer;background:#e4e6eb}
button.primary{background:#1877f2;color:#fff}
button:focus-visible,input:focus-visible,select:focus-visible{outline:3px solid #9ac3ff;outline-offset:1px}
fieldset{border:1px solid #e4e6eb;border-radius:8px;margin-top:16px}
.who{display:flex;align-items:center;gap:10px;border-bottom:1px solid #e4e6eb;padding-bottom:10px}
.msg{max-width:70%;padding:8px 12px;border-radius:18px;white-space:pre-wrap;word-wrap:break-word;position:relative}
.msg.in{align-self:flex-end;background:#0084ff;color:#fff}
.msg.out{align-self:flex-start;background:#e4e6eb}
.msg img{max-width:200px;border-radius:12px;display:block}
.msg .quote{font-size:12px;opacity:.75;border-left:2px solid currentColor;padding-left:6px;margin-bottom:4px}
.meta{font-size:11px;color:#65676b;margin:-2px 8px 4px}
.meta.in{align-self:flex-end}
.meta.out{align-self:flex-start}
.reaction{font-size:13px;margin-left:6px}
.composer{display:flex;gap:8px;border-top:1px solid #e4e6eb;padding-top:10px;flex-wrap:wrap}
#status{font-size:13px;color:#65676b;min-height:1.2em;margin-top:6px}
`;

export function customerPageHtml(): string {
  return customerPageShell({
    title: "Khách hàng Messenger (giả lập)",
    heading: "Messenger giả lập — đóng vai khách hàng",
    css: CSS,
    aside: `  <label for="page">Trang</label>
  <select id="page"></select>
  <label for="customer">Khách hàng</label>
  <select id="customer"></select>
  <fieldset>
    <legend>Khách hàng mới</legend>
    <label for="new-last">Họ</label>
    <input id="new-last" autocomplete="off" value="Phạm">
    <label for="new-first">Tên</label>
    <input id="new-first" autocomplete="off" value="Thu Hà">
    <p><button type="button" id="create-customer">Tạo khách hàng</button></p>
  </fieldset>`,
    accountLineId: "who-page",
    composerButtons: `    <button type="button" id="send-like">Gửi like 👍</button>
    <button type="button" id="react-last">Thả tim tin nhắn cuối</button>
    <button type="button" id="mark-read">Đánh dấu đã xem</button>`,
    script: CUSTOMER_PAGE_SCRIPT,
  });
}
