// What an admin sends to create or change a label ("Nhãn"), the label as the browser receives it,
// and the name's checks: required, at most LABEL_NAME_MAX characters (the limit named), one line.
// Browser-safe: the admin screen uses the same limit and palette.
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { LABEL_COLORS } from "@/lib/labels/label-colors";
import { LABEL_NAME_MAX } from "@/lib/labels/label-limits";

export const labelSchema = z.object({ id: z.string(), name: z.string(), color: z.string() });
export type LabelDto = z.infer<typeof labelSchema>;

/** A label with how many conversations the viewer may see carry it. */
export type LabelWithCount = LabelDto & { count: number };

// The name is loose here so labelName can say the limit; the colour must be one of the palette's.
export const createLabelInputSchema = z.object({ name: z.string().max(10_000), color: z.enum(LABEL_COLORS, "color_invalid") });
export const updateLabelInputSchema = createLabelInputSchema.partial();
export type CreateLabelInput = z.input<typeof createLabelInputSchema>;
export type UpdateLabelInput = z.input<typeof updateLabelInputSchema>;

/** The stored name: trimmed, inner whitespace collapsed, not empty, not longer than the limit. */
export function labelName(raw: string): string {
  const name = raw.replace(/\s+/g, " ").trim();
  if (name === "") throw new AppError("invalid_input", "Give the label a name.", { reason: "label_name_required" }, { name: ["label_name_required"] });
  if (/[\u0000-\u001f\u007f]/.test(name)) throw new AppError("invalid_input", "The name contains a character that cannot be stored.", { reason: "invalid_character" }, { name: ["invalid_character"] });
  const length = [...name].length;
  if (length > LABEL_NAME_MAX) {
    throw new AppError(
      "invalid_input",
      `A label name can be at most ${LABEL_NAME_MAX} characters long; this one has ${length}.`,
      { reason: "label_name_too_long", limit: LABEL_NAME_MAX, length },
      { name: ["label_name_too_long"] },
    );
  }
  return name;
}
