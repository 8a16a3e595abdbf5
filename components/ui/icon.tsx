// Line icons drawn as inline SVG: they render the same everywhere, unlike emoji, which depend on the
// fonts installed on the viewer's machine.
const paths = {
  chat: "M4 5h16v11H8l-4 4V5z",
  plug: "M9 3v5M15 3v5M6 8h12v3a6 6 0 0 1-12 0V8zM12 17v4",
  split: "M4 6h5l6 12h5M4 18h5l2-4M15 6h5M18 3l3 3-3 3M18 15l3 3-3 3",
  users: "M9 11a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7zM2.5 20a6.5 6.5 0 0 1 13 0M16 4.5a3.5 3.5 0 0 1 0 6.5M18 14a6 6 0 0 1 3.5 6",
  lock: "M6 11h12v10H6zM8.5 11V7.5a3.5 3.5 0 0 1 7 0V11",
  search: "M10.5 17a6.5 6.5 0 1 0 0-13 6.5 6.5 0 0 0 0 13zM15.5 15.5 21 21",
  menu: "M4 7h16M4 12h16M4 17h16",
  store: "M4 10h16v10H4zM3 10l2-6h14l2 6M10 20v-5h4v5",
  tag: "M3 12V4h8l10 10-8 8L3 12zM7.5 8.5h.01",
  template: "M5 4h14v16H5zM8 8h8M8 12h8M8 16h5",
  chart: "M4 20h16M7 16v-5M12 16V6M17 16v-8",
} as const;

export type IconName = keyof typeof paths;

/** The frame every icon of the app is drawn in: 24×24 strokes in the text colour, decorative. */
export function IconFrame({ className, children }: { className: string; children: React.ReactNode }) {
  return (
    <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" className={`shrink-0 ${className}`} aria-hidden>
      {children}
    </svg>
  );
}

export function Icon({ name, className = "size-5" }: { name: IconName; className?: string }) {
  return (
    <IconFrame className={className}>
      <path d={paths[name]} />
    </IconFrame>
  );
}
