// A person's or page's picture, or their initial on a colour derived from the name when there is no
// picture or it fails to load (platforms' profile picture URLs expire).
"use client";
import { useState } from "react";

const palette = ["bg-sky-100 text-sky-800", "bg-emerald-100 text-emerald-800", "bg-amber-100 text-amber-800", "bg-rose-100 text-rose-800", "bg-violet-100 text-violet-800", "bg-teal-100 text-teal-800"];

function colourOf(name: string): string {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return palette[hash % palette.length] ?? palette[0]!;
}

export function Avatar({ name, url, size = "md" }: { name: string; url: string | null; size?: "sm" | "md" | "lg" }) {
  const [failed, setFailed] = useState(false);
  const box = size === "sm" ? "size-8 text-xs" : size === "lg" ? "size-14 text-lg" : "size-10 text-sm";
  const initial = name.trim().split(/\s+/).at(-1)?.charAt(0).toUpperCase() || "?";
  if (url && !failed) {
    return (
      // Remote pictures of unknown size from the platform's CDN: a plain img, not next/image.
      // eslint-disable-next-line @next/next/no-img-element
      <img src={url} alt="" className={`${box} shrink-0 rounded-full bg-slate-100 object-cover`} onError={() => setFailed(true)} referrerPolicy="no-referrer" />
    );
  }
  return (
    <span className={`${box} ${colourOf(name)} flex shrink-0 items-center justify-center rounded-full font-semibold`} aria-hidden>
      {initial}
    </span>
  );
}
