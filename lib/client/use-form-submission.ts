// One form's request state, the same in every settings form: busy while the request runs, the
// server's per-field errors shown under their fields, anything else (or success) as one message
// above the form.
"use client";
import { useState } from "react";
import { useErrorText } from "@/lib/client/use-error-text";

export interface FormMessage {
  tone: "error" | "success";
  text: string;
}

export function useFormSubmission() {
  const { errorText, fieldErrorTexts } = useErrorText();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<FormMessage | null>(null);

  /** Forgets the last attempt's errors and message. */
  function clear() {
    setErrors({});
    setMessage(null);
  }

  /**
   * Runs `request`; it resolves to the success sentence shown above the form, or to null when the form
   * shows its success itself (a link to copy, say).
   */
  async function submit(request: () => Promise<string | null>): Promise<void> {
    clear();
    setBusy(true);
    try {
      const success = await request();
      if (success !== null) setMessage({ tone: "success", text: success });
    } catch (caught) {
      const byField = fieldErrorTexts(caught);
      if (byField) setErrors(byField);
      else setMessage({ tone: "error", text: errorText(caught) });
    } finally {
      setBusy(false);
    }
  }

  return { busy, errors, message, setErrors, clear, submit };
}
