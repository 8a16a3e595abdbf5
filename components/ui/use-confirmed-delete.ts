// Deleting one item of a settings list after an inline confirmation (rules, templates, labels):
// which item is asking "delete?", which one is being deleted, and the sentence the list shows after.
"use client";
import { useState } from "react";

export interface ListMessage {
  tone: "error" | "success";
  text: string;
}

interface Options<T> {
  /** Deletes the item on the server and takes it off the list; throws the API's refusal. */
  remove: (item: T) => Promise<void>;
  deletedText: (item: T) => string;
  errorText: (error: unknown) => string;
}

export function useConfirmedDelete<T extends { id: string }>({ remove, deletedText, errorText }: Options<T>) {
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  // The list's one message line: this hook's outcome, or the list's own (saved, created).
  const [message, setMessage] = useState<ListMessage | null>(null);

  async function confirm(item: T) {
    setBusyId(item.id);
    setMessage(null);
    try {
      await remove(item);
      setMessage({ tone: "success", text: deletedText(item) });
    } catch (caught) {
      setMessage({ tone: "error", text: errorText(caught) });
    } finally {
      setBusyId(null);
      setConfirming(null);
    }
  }

  return { confirming, setConfirming, busyId, message, setMessage, confirm };
}
