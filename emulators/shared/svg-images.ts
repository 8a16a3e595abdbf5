// Small SVG avatars and "photos", served by the emulators since there is no CDN offline.
import { createHash } from "node:crypto";
import { escapeHtml } from "./html-escape";

const PALETTE = ["#1877f2", "#42b72a", "#f02849", "#f7b928", "#8b5cf6", "#0ea5e9", "#ec4899", "#14b8a6"];

function colorFor(seed: string): string {
  const byte = createHash("sha256").update(seed).digest()[0] ?? 0;
  return PALETTE[byte % PALETTE.length] ?? "#1877f2";
}

/** Initials from the last two words: "Nguyễn Văn An" → "VA". */
function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  return (
    words
      .slice(-2)
      .map((w) => w[0]?.toUpperCase() ?? "")
      .join("") || "?"
  );
}

export function avatarSvg(id: string, name: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100" viewBox="0 0 100 100">
<rect width="100" height="100" fill="${colorFor(id)}"/>
<text x="50" y="50" dy=".35em" text-anchor="middle" font-family="Helvetica,Arial,sans-serif" font-size="40" fill="#fff">${escapeHtml(initials(name))}</text>
</svg>`;
}

export function mediaSvg(name: string): string {
  const color = colorFor(name);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="320" viewBox="0 0 320 320">
<rect width="320" height="320" fill="#f0f2f5"/>
<rect x="40" y="60" width="240" height="180" rx="16" fill="${color}"/>
<circle cx="110" cy="120" r="24" fill="#fff" opacity=".8"/>
<path d="M60 230 L140 150 L200 210 L230 180 L270 230 Z" fill="#fff" opacity=".6"/>
<text x="160" y="285" text-anchor="middle" font-family="Helvetica,Arial,sans-serif" font-size="18" fill="#65676b">${escapeHtml(name)}</text>
</svg>`;
}
