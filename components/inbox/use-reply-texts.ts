// Sentences for what can go wrong with a reply, in the user's language: why the server refused to
// store it (AppError params.reason) and why the platform did not deliver it (Message.failureCode). The
// server's own sentence is the fallback for a reason this catalog does not know yet.
"use client";
import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { ApiError } from "@/lib/client/api-fetch";
import { useErrorText } from "@/lib/client/use-error-text";
import type { MessageDto } from "@/lib/inbox/inbox-dto";

export function useReplyTexts() {
  const t = useTranslations("inbox");
  const { errorText } = useErrorText();

  const refusalText = useCallback(
    (error: unknown): string => {
      const reason = error instanceof ApiError ? error.params.reason : undefined;
      const key = `refusals.${String(reason)}`;
      if (error instanceof ApiError && typeof reason === "string" && t.has(key)) return t(key, { name: String(error.params.assigneeName ?? "") });
      return errorText(error);
    },
    [t, errorText],
  );

  const failureText = useCallback(
    (message: Pick<MessageDto, "failureCode" | "failureReason">, platformName: string): string => {
      const key = `failures.${message.failureCode}`;
      if (message.failureCode && t.has(key)) return t(key, { platform: platformName });
      return message.failureReason ?? t("message.failedUnknown");
    },
    [t],
  );

  return { refusalText, failureText };
}
