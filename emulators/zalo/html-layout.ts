// The Zalo-looking page shell (blue bar, white card) of the permission page and error screens.
import { brandedPage } from "../shared/html-page";

const CSS = `
*{box-sizing:border-box}
body{margin:0;background:#f3f5f8;font-family:Roboto,Helvetica,Arial,sans-serif;color:#081c36;font-size:15px}
header{background:#0068ff;height:56px;display:flex;align-items:center;padding:0 24px}
header .logo{color:#fff;font-weight:700;font-size:26px}
main{display:flex;justify-content:center;padding:40px 16px}
.card{background:#fff;border-radius:8px;box-shadow:0 2px 8px rgba(0,0,0,.12);width:100%;max-width:520px;padding:24px}
h1{font-size:20px;margin:0 0 8px}
p.lead{color:#5a6981;margin:0 0 16px}
.row{display:flex;align-items:center;gap:12px;padding:10px 0;border-top:1px solid #e6e9ef}
.row:first-of-type{border-top:0}
.row img{width:44px;height:44px;border-radius:50%}
.muted{color:#5a6981;font-size:13px}
ul.scopes{margin:8px 0 16px;padding-left:20px;color:#3a4a63}
button{font:inherit;font-weight:600;border:0;border-radius:6px;padding:10px 18px;cursor:pointer}
button.primary{background:#0068ff;color:#fff}
button.secondary{background:#e6e9ef;color:#081c36}
button:focus-visible,input:focus-visible,a:focus-visible,select:focus-visible{outline:3px solid #8ab8ff;outline-offset:2px}
.actions{display:flex;gap:8px;justify-content:flex-end;margin-top:20px}
fieldset{border:1px solid #e6e9ef;border-radius:8px;margin:0 0 12px;padding:8px 16px}
legend{font-weight:600;padding:0 4px}
label.choice{display:flex;align-items:center;gap:12px;cursor:pointer;flex:1}
label.choice input{width:18px;height:18px}
.error{color:#d91b1b}
nav.accounts{margin:0 0 16px;font-size:14px}
nav.accounts a{color:#0068ff;margin-right:12px}
`;

const BRAND = { css: CSS, logoLabel: "Zalo", logoText: "Zalo" };

export function zaloPage(title: string, body: string): string {
  return brandedPage(BRAND, title, body);
}
