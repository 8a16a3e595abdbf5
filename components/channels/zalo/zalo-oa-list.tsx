// The OAs the admin authorised on Zalo's permission page, each with its state here and "Kết nối OA
// này" (or "Kết nối lại"); an OA another shop has is greyed out with the reason, and one whose grant
// already went to its channel asks for a new grant ("Thêm kết nối") instead.
import { useTranslations } from "next-intl";
import type { OaChoice } from "@/lib/channels/zalo/oa-choice";
import type { ZaloAccountsView } from "@/lib/channels/zalo/list-zalo-accounts";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ChannelStatusBadge } from "@/components/channels/channel-status-badge";
import { PageAvatar } from "@/components/channels/page-avatar";

export type AccountsLoad = { status: "loading" } | { status: "error"; message: string } | { status: "ready"; view: ZaloAccountsView };

export function ZaloOaList({ load, busyId, onConnect, onRetry }: { load: AccountsLoad; busyId: string | null; onConnect: (oa: OaChoice) => void; onRetry: () => void }) {
  const t = useTranslations();
  return (
    <section aria-labelledby="zalo-oas" className="mt-8">
      <h2 id="zalo-oas" className="text-lg font-semibold">
        {t("channels.zalo.oasTitle")}
      </h2>
      {load.status === "loading" && (
        <p role="status" className="mt-3 flex items-center gap-2 text-sm text-slate-600">
          <span className="size-4 animate-spin rounded-full border-2 border-brand-600 border-t-transparent" aria-hidden />
          {t("channels.zalo.loadingOas")}
        </p>
      )}
      {load.status === "error" && (
        <div className="mt-3 flex flex-col items-start gap-2">
          <Alert tone="error">{load.message}</Alert>
          <Button variant="secondary" onClick={onRetry}>
            {t("common.retry")}
          </Button>
        </div>
      )}
      {load.status === "ready" && <ReadyList oas={load.view.oas} busyId={busyId} onConnect={onConnect} />}
    </section>
  );
}

function ReadyList({ oas, busyId, onConnect }: { oas: OaChoice[]; busyId: string | null; onConnect: (oa: OaChoice) => void }) {
  const t = useTranslations("channels.zalo");
  if (oas.length === 0) {
    return (
      <div className="mt-3 rounded-xl border border-dashed border-slate-300 bg-white p-6 text-center">
        <p className="font-medium">{t("noGrantTitle")}</p>
        <p className="mx-auto mt-1 max-w-md text-sm text-slate-600">{t("noGrantBody")}</p>
      </div>
    );
  }
  return (
    <ul aria-label={t("oasList")} className="mt-3 grid gap-3 sm:grid-cols-2">
      {oas.map((oa) => (
        <OaCard key={oa.id} oa={oa} busy={busyId === oa.id} onConnect={() => onConnect(oa)} />
      ))}
    </ul>
  );
}

function OaCard({ oa, busy, onConnect }: { oa: OaChoice; busy: boolean; onConnect: () => void }) {
  const t = useTranslations("channels.zalo");
  const reasonId = `oa-${oa.id}-reason`;
  const reason = oa.blockedBy === "taken" ? t("taken") : oa.state !== "connected" && !oa.connectable ? t("grantAgain") : null;
  return (
    <li aria-label={oa.name} className={`flex flex-col gap-3 rounded-xl border p-4 ${oa.blockedBy ? "border-slate-200 bg-slate-50 text-slate-500" : "border-slate-200 bg-white shadow-sm"}`}>
      <div className={`flex items-center gap-3 ${oa.blockedBy ? "grayscale" : ""}`}>
        <PageAvatar name={oa.name} url={oa.avatarUrl} />
        <p className="min-w-0 flex-1 truncate font-medium text-slate-900">{oa.name}</p>
        <ChannelStatusBadge state={oa.state} />
      </div>
      {reason && (
        <p id={reasonId} className="text-sm text-slate-600">
          {reason}
        </p>
      )}
      {oa.state !== "connected" && (
        <Button busy={busy} disabled={reason !== null} aria-describedby={reason ? reasonId : undefined} onClick={onConnect} className="self-start">
          {oa.state === "not_connected" ? t("connectThis") : t("reconnect")}
        </Button>
      )}
    </li>
  );
}
