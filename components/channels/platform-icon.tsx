// A platform's mark (Facebook's "f", Zalo's wordmark) as an accessible image named after the platform,
// so a screen reader says "Zalo" where a sighted user sees the logo. Drawn inline, like the app's
// other icons, so it needs no request and looks the same everywhere. One drawing per Platform:
// `satisfies Record<Platform, …>` makes a new platform name its mark before anything compiles.
import { platformNames } from "@/lib/channels/platform-names";
import type { Platform } from "@/lib/generated/prisma/enums";

const marks = {
  facebook: (
    <>
      <circle cx="12" cy="12" r="12" fill="#0866ff" />
      <path
        fill="#fff"
        d="M13.4 24v-8.6h2.9l.45-3.4H13.4V9.9c0-1 .28-1.65 1.7-1.65h1.8V5.2a24 24 0 0 0-2.6-.13c-2.6 0-4.37 1.58-4.37 4.5V12H7v3.4h2.93V24z"
      />
    </>
  ),
  zalo: (
    <>
      <rect width="24" height="24" rx="6" fill="#0068ff" />
      {/* Stretched to the square's width: at list size every pixel of the wordmark counts. */}
      <text x="2" y="16" textLength="20" lengthAdjust="spacingAndGlyphs" fill="#fff" fontFamily="Arial, Helvetica, sans-serif" fontSize="11" fontWeight="700">
        Zalo
      </text>
    </>
  ),
} satisfies Record<Platform, React.ReactNode>;

/** `decorative` where the platform's name is written beside the mark, so a screen reader says it once. */
export function PlatformIcon({ platform, className = "size-4", decorative = false }: { platform: Platform; className?: string; decorative?: boolean }) {
  const name = platformNames[platform];
  if (decorative) {
    return (
      <svg viewBox="0 0 24 24" aria-hidden className={`shrink-0 ${className}`}>
        {marks[platform]}
      </svg>
    );
  }
  return (
    <svg viewBox="0 0 24 24" role="img" aria-label={name} className={`shrink-0 ${className}`}>
      <title>{name}</title>
      {marks[platform]}
    </svg>
  );
}
