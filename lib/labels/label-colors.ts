// The colours a label may have: a small named palette, never free CSS, so every chip stays readable.
// Each chip is a light tint with its 800 shade for text (contrast above 7:1, WCAG AAA for small text)
// and a ring a step darker than the tint, so two chips side by side are told apart without colour too.
// Class names are written out whole: Tailwind only generates the classes it finds in the source.
export const labelColors = {
  gray: { chip: "bg-slate-100 text-slate-800 ring-slate-300", swatch: "bg-slate-500" },
  red: { chip: "bg-red-100 text-red-800 ring-red-300", swatch: "bg-red-500" },
  orange: { chip: "bg-orange-100 text-orange-800 ring-orange-300", swatch: "bg-orange-500" },
  yellow: { chip: "bg-amber-100 text-amber-800 ring-amber-300", swatch: "bg-amber-400" },
  green: { chip: "bg-green-100 text-green-800 ring-green-300", swatch: "bg-green-500" },
  teal: { chip: "bg-teal-100 text-teal-800 ring-teal-300", swatch: "bg-teal-500" },
  blue: { chip: "bg-blue-100 text-blue-800 ring-blue-300", swatch: "bg-blue-500" },
  purple: { chip: "bg-violet-100 text-violet-800 ring-violet-300", swatch: "bg-violet-500" },
} as const;

export type LabelColor = keyof typeof labelColors;

export const LABEL_COLORS = Object.keys(labelColors) as [LabelColor, ...LabelColor[]];

/** A stored colour the palette no longer has (an older release's) shows as gray rather than failing. */
export function labelColorClasses(color: string): (typeof labelColors)[LabelColor] {
  return Object.hasOwn(labelColors, color) ? labelColors[color as LabelColor] : labelColors.gray;
}
