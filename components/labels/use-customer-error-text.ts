// Sentences for the customer card's and the labels' refusals (customer.errors.*), with the server's
// params (the limit, the expected phone format, the label that has the name); anything else falls
// back to the shared error catalog.
"use client";
import { useCallback } from "react";
import { ApiError } from "@/lib/client/api-fetch";
import { useFeatureErrorText } from "@/lib/client/use-feature-error-text";

export function useCustomerErrorText() {
  const { wholeText } = useFeatureErrorText("customer.errors");

  /** The field the refusal is about ("phone", "notes", "name"), to show it under that field. */
  const fieldOf = useCallback((error: unknown): string | null => (error instanceof ApiError ? (Object.keys(error.fieldErrors)[0] ?? null) : null), []);

  return { wholeText, fieldOf };
}
