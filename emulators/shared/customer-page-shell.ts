// The demo's "customer phone" page every emulator serves: a side panel to pick who writes, the
// conversation with its composer, and the status line. The platform gives its colours, its side
// panel, its extra composer buttons and its script.

/** The layout; the platform's stylesheet adds colours, bubbles and borders. */
const LAYOUT_CSS = `
*{box-sizing:border-box}
.layout{display:grid;grid-template-columns:300px 1fr;gap:16px;padding:16px;max-width:1100px;margin:0 auto;height:calc(100vh - 50px)}
aside label{display:block;font-weight:600;margin:12px 0 4px}
section{display:flex;flex-direction:column;min-height:0}
.who img{width:40px;height:40px;border-radius:50%}
#log{flex:1;overflow-y:auto;padding:12px 4px;display:flex;flex-direction:column;gap:6px}
.composer input{flex:1;min-width:200px}
`;

export interface CustomerPage {
  title: string;
  /** The bar at the top, saying whose side the page plays. */
  heading: string;
  css: string;
  /** The side panel's HTML: the account and customer pickers and the platform's actions. */
  aside: string;
  /** The id of the line under the customer's name that names the account they write to. */
  accountLineId: string;
  /** HTML of the composer's buttons after "Gửi" and "Gửi ảnh". */
  composerButtons: string;
  script: string;
}

export function customerPageShell(page: CustomerPage): string {
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title}</title>
<style>${LAYOUT_CSS}${page.css}</style>
</head>
<body>
<header>${page.heading}</header>
<div class="layout">
<aside>
${page.aside}
</aside>
<section aria-label="Cuộc trò chuyện">
  <div class="who"><img id="who-pic" alt=""><div><strong id="who-name"></strong><div class="meta" id="${page.accountLineId}"></div></div></div>
  <div id="log" role="log" aria-live="polite" aria-label="Tin nhắn"></div>
  <form class="composer" id="composer">
    <input id="text" aria-label="Nhập tin nhắn" placeholder="Nhập tin nhắn…" autocomplete="off">
    <button type="submit" class="primary">Gửi</button>
    <button type="button" id="send-image">Gửi ảnh</button>
${page.composerButtons}
  </form>
  <div id="status" role="status"></div>
</section>
</div>
<script>${page.script}</script>
</body>
</html>`;
}
