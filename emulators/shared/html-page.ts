// The page shell every emulator's HTML screen sits in: a platform-coloured bar with the logo and one
// white card; the platform gives the stylesheet and the logo.
import { escapeHtml } from "./html-escape";

export interface PageBrand {
  css: string;
  /** What a screen reader says for the logo. */
  logoLabel: string;
  /** The logo as it reads on the bar. */
  logoText: string;
}

export function brandedPage(brand: PageBrand, title: string, body: string): string {
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${brand.css}</style>
</head>
<body>
<header><span class="logo" aria-label="${escapeHtml(brand.logoLabel)}">${escapeHtml(brand.logoText)}</span></header>
<main><div class="card">${body}</div></main>
</body>
</html>`;
}
