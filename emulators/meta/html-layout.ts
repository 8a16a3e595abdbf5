// The Facebook-looking page shell (blue bar, white card) shared by the emulator's HTML screens.

import { escapeHtml } from "../shared/html-escape";
import { brandedPage } from "../shared/html-page";

export { escapeHtml };

const CSS = `
*{box-sizing:border-box}
body{margin:0;background:#f0f2f5;font-family:Helvetica,Arial,"Segoe UI",sans-serif;color:#1c1e21;font-size:15px}
header{background:#1877f2;height:56px;display:flex;align-items:center;padding:0 24px}
header .logo{color:#fff;font-weight:700;font-size:28px;letter-spacing:-1px}
main{display:flex;justify-content:center;padding:40px 16px}
.card{background:#fff;border-radius:8px;box-shadow:0 2px 4px rgba(0,0,0,.1),0 8px 16px rgba(0,0,0,.1);width:100%;max-width:500px;padding:24px}
h1{font-size:20px;margin:0 0 8px}
p.lead{color:#65676b;margin:0 0 20px}
.row{display:flex;align-items:center;gap:12px;padding:10px 0;border-top:1px solid #e4e6eb}
.row:first-of-type{border-top:0}
.row img{width:40px;height:40px;border-radius:50%}
.row .grow{flex:1}
.muted{color:#65676b;font-size:13px}
button{font:inherit;font-weight:600;border:0;border-radius:6px;padding:10px 16px;cursor:pointer}
button.primary{background:#1877f2;color:#fff}
button.primary:hover{background:#166fe5}
button.secondary{background:#e4e6eb;color:#050505}
button.link{background:none;color:#1877f2;padding:4px 0}
button:focus-visible,input:focus-visible,a:focus-visible{outline:3px solid #9ac3ff;outline-offset:2px}
.actions{display:flex;gap:8px;justify-content:flex-end;margin-top:20px;flex-wrap:wrap}
.actions .primary{min-width:120px}
fieldset{border:1px solid #e4e6eb;border-radius:8px;margin:0 0 12px;padding:12px 16px}
legend{font-weight:600;padding:0 4px}
.choice{display:inline-flex;align-items:center;gap:6px;margin-right:20px;padding:4px 0;cursor:pointer}
.choice input{width:18px;height:18px}
code{font-size:12px;color:#65676b}
.error{color:#be123c}
`;

const BRAND = { css: CSS, logoLabel: "Facebook", logoText: "facebook" };

export function facebookPage(title: string, body: string): string {
  return brandedPage(BRAND, title, body);
}
