// A channel's picture, or its first letter when the platform gave none (or the picture fails to load).
"use client";
import Image from "next/image";
import { useState } from "react";

export function PageAvatar({ name, url, size = 40 }: { name: string; url: string | null; size?: number }) {
  const [broken, setBroken] = useState(false);
  if (!url || broken) {
    return (
      <span
        className="flex shrink-0 items-center justify-center rounded-full bg-brand-100 font-semibold text-brand-700"
        style={{ width: size, height: size }}
        aria-hidden
      >
        {name.trim().slice(0, 1).toUpperCase() || "?"}
      </span>
    );
  }
  return (
    <Image
      src={url}
      alt=""
      width={size}
      height={size}
      unoptimized
      // A settings list of a few pages: loading them lazily only makes the pictures pop in late.
      loading="eager"
      className="shrink-0 rounded-full bg-slate-100 object-cover"
      onError={() => setBroken(true)}
    />
  );
}
