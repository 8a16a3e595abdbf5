// Sentences for the templates feature's refusals (templates.errors.*), with the limits named: a
// zod refusal carries no params, so the limits the form checks against are filled in here.
"use client";
import { useFeatureErrorText } from "@/lib/client/use-feature-error-text";
import { TEMPLATE_ATTACHMENTS_MAX, TEMPLATE_SHORTCUT_MAX, TEMPLATE_TEXT_MAX } from "@/lib/templates/template-limits";

const limits = {
  shortcut_too_long: { limit: TEMPLATE_SHORTCUT_MAX },
  text_too_long: { limit: TEMPLATE_TEXT_MAX },
  too_many_attachments: { limit: TEMPLATE_ATTACHMENTS_MAX },
};

export function useTemplateErrorText() {
  return useFeatureErrorText("templates.errors", limits);
}
