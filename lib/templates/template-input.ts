// What the "Tin nhắn mẫu" editor posts, and the checks that need a limit named in the refusal. Zod
// checks the shape; templateContent checks the rules a seller must be told about in words ("at most
// 2,000 characters"), with the limit in the error's params. Browser-safe: the editor counts with
// the same limits.
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { UPLOAD_ID_PATTERN } from "@/lib/uploads/upload-rules";
import { TEMPLATE_TEXT_MAX, TEMPLATE_SHORTCUT_MAX, TEMPLATE_ATTACHMENTS_MAX } from "@/lib/templates/template-limits";

/** Letters (Vietnamese included), digits, "-" and "_": one word, so "/" plus it can be typed and found. */
const SHORTCUT_PATTERN = /^[\p{L}\p{N}_-]+$/u;

export const templateShortcutSchema = z
  .string()
  .transform((value) => value.normalize("NFC").trim().replace(/^\/+/, ""))
  .pipe(
    z
      .string()
      .min(1, { error: "shortcut_required", abort: true })
      .refine((value) => [...value].length <= TEMPLATE_SHORTCUT_MAX, "shortcut_too_long")
      .regex(SHORTCUT_PATTERN, "shortcut_invalid"),
  );

const templateFields = {
  shortcut: templateShortcutSchema,
  /** Capped loosely here (a body is never unbounded); the real cap is templateContent's, which names it. */
  text: z
    .string()
    .max(TEMPLATE_TEXT_MAX * 10)
    // PostgreSQL cannot store U+0000 in text (it would be a 500); nobody types it, a paste may carry it.
    .refine((value) => !value.includes("\u0000"), "invalid_character")
    .transform((value) => value.normalize("NFC").trim()),
  attachments: z
    .array(z.object({ uploadId: z.string().regex(UPLOAD_ID_PATTERN, "upload_invalid") }))
    .max(TEMPLATE_ATTACHMENTS_MAX * 4)
    .default([])
    .transform((items) => [...new Set(items.map((item) => item.uploadId))]),
};

/** POST /api/templates: `shared` (admins only) makes it the workspace's; otherwise it is the author's own. */
export const createTemplateSchema = z.object({ ...templateFields, shared: z.boolean().default(false) });
/** PATCH /api/templates/[id]: the whole form; who the template belongs to does not change. */
export const updateTemplateSchema = z.object(templateFields);

export type CreateTemplateInput = z.output<typeof createTemplateSchema>;
export type TemplateContentInput = z.output<typeof updateTemplateSchema>;

/** Refuses content a seller must fix, naming the limit: an empty template, too long a text, too many files. */
export function checkTemplateContent(input: TemplateContentInput): void {
  if (input.text === "" && input.attachments.length === 0) {
    throw new AppError("invalid_input", "Write the template's text or attach a file.", { reason: "text_required" }, { text: ["text_required"] });
  }
  // Counted as the composer and the platforms' limits count (UTF-16 units).
  const length = input.text.length;
  if (length > TEMPLATE_TEXT_MAX) {
    throw new AppError(
      "invalid_input",
      `A template's text can be at most ${TEMPLATE_TEXT_MAX} characters; this one has ${length}.`,
      { reason: "text_too_long", limit: TEMPLATE_TEXT_MAX, length },
      { text: ["text_too_long"] },
    );
  }
  if (input.attachments.length > TEMPLATE_ATTACHMENTS_MAX) {
    throw new AppError(
      "invalid_input",
      `A template can carry at most ${TEMPLATE_ATTACHMENTS_MAX} files.`,
      { reason: "too_many_attachments", limit: TEMPLATE_ATTACHMENTS_MAX },
      { attachments: ["too_many_attachments"] },
    );
  }
}
