// Sentences for what can go wrong with a reply, in the user's language: why the server refused to
// store it (AppError params.reason) and why the platform did not deliver it (Message.failureCode, in
// that platform's words: inbox.failures.<platform>.<code>). The server's own sentence
// (Message.failureReason, from the platform's provider) is used where the catalog has none.
"use client";
import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { ApiError } from "@/lib/client/api-fetch";
import { useErrorText } from "@/lib/client/use-error-text";
import type { MessageDto } from "@/lib/inbox/inbox-dto";
import type { Platform } from "@/lib/generated/prisma/enums";

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
    (message: Pick<MessageDto, "failureCode" | "failureReason">, platform: Platform): string => {
      const key = `failures.${platform}.${message.failureCode}`;
      if (message.failureCode && t.has(key)) return t(key);
      return message.failureReason ?? t("message.failedUnknown");
    },
    [t],
  );

  return { refusalText, failureText };
}
