// Files picked in the composer: each uploads at once (so sending is quick), shows its progress and
// can be removed; a failed upload says why and stays out of the message. A file the conversation's
// platform would refuse (the caller's `refuse` says why) is never uploaded: it shows the reason.
"use client";
import { useCallback, useState } from "react";
import { uploadFile, type OutgoingAttachment } from "@/components/inbox/inbox-api";

export interface PickedFile {
  id: string;
  name: string;
  /** Decided by the server from the file's content type, once uploaded. */
  type: OutgoingAttachment["type"] | null;
  status: "uploading" | "ready" | "failed";
  url: string | null;
  error: unknown;
  /** Why the file was refused before upload (a sentence naming the platform's limit). */
  refusal: string | null;
}

let nextId = 0;

export function useAttachmentUploads() {
  const [files, setFiles] = useState<PickedFile[]>([]);

  const add = useCallback((list: FileList | File[], refuse: (file: File) => string | null) => {
    for (const file of Array.from(list)) {
      const id = `upload-${++nextId}`;
      const refusal = refuse(file);
      if (refusal) {
        setFiles((current) => [...current, { id, name: file.name, type: null, status: "failed", url: null, error: null, refusal }]);
        continue;
      }
      setFiles((current) => [...current, { id, name: file.name, type: null, status: "uploading", url: null, error: null, refusal: null }]);
      uploadFile(file).then(
        ({ url, type }) => setFiles((current) => current.map((item) => (item.id === id ? { ...item, status: "ready", url, type } : item))),
        (error: unknown) => setFiles((current) => current.map((item) => (item.id === id ? { ...item, status: "failed", error } : item))),
      );
    }
  }, []);

  const remove = useCallback((id: string) => setFiles((current) => current.filter((item) => item.id !== id)), []);

  return {
    files,
    add,
    remove,
    /** Replaces the list, e.g. to put attachments back after a refused send. */
    reset: setFiles,
    uploading: files.some((item) => item.status === "uploading"),
  };
}
