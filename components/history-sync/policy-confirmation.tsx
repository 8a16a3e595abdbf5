// "Chia hội thoại cũ": how many synced conversations the rule's policy will share, how, and the
// warning that their whole history and customer data become visible to the agents. Nothing
// is shared until the admin presses "Xác nhận chia"; "Để sau" only folds the panel away.
import { useTranslations } from "next-intl";
import { useId } from "react";
import type { HistorySyncView } from "@/lib/history-sync/history-sync-view";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

type Confirmation = NonNullable<HistorySyncView["confirmation"]>;

export function PolicyConfirmation({
  confirmation,
  busy,
  onConfirm,
  onLater,
}: {
  confirmation: Confirmation;
  busy: boolean;
  onConfirm: () => void;
  onLater: () => void;
}) {
  const t = useTranslations("historySync.confirm");
  const titleId = useId();
  return (
    <section
      aria-labelledby={titleId}
      className="flex flex-col gap-2 rounded-lg border border-amber-200 bg-amber-50/60 p-3"
    >
      <h4 id={titleId} className="text-sm font-semibold text-slate-900">
        {t("title", { rule: confirmation.ruleName })}
      </h4>
      <p className="text-sm text-slate-800">
        {t(`count.${confirmation.policy}`, { count: confirmation.shareCount })}
      </p>
      <p className="text-sm text-slate-700">{t(`method.${confirmation.method}`)}</p>
      <Alert tone="warning">{t("warning")}</Alert>
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Button variant="ghost" onClick={onLater} disabled={busy}>
          {t("later")}
        </Button>
        <Button onClick={onConfirm} busy={busy}>
          {t("accept")}
        </Button>
      </div>
    </section>
  );
}
