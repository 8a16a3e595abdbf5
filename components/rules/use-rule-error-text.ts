// Sentences for the rules feature's error codes (rules.errors.*), with the server's params (the
// unknown email, the page and rule names).
"use client";
import { useFeatureErrorText } from "@/lib/client/use-feature-error-text";

export function useRuleErrorText() {
  return useFeatureErrorText("rules.errors");
}
