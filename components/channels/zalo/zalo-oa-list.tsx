// The OAs the person authorised on Zalo's permission page, each with its state here, who connected it
// and how it is shared once it is connected in this workspace, and "Kết nối OA này" (or "Kết nối
// lại"); an OA another shop has, or (for staff) a colleague connected, is greyed out with the reason,
// and one whose grant already went to its channel asks for a new grant ("Thêm kết nối") instead.
import { useTranslations } from "next-intl";
import type { OaChoice } from "@/lib/channels/zalo/oa-choice";
import type { ZaloAccountsView } from "@/lib/channels/zalo/list-zalo-accounts";
import { Button } from "@/components/ui/button";
import { AccountListEmpty, AccountListSection } from "@/components/channels/account-list-section";
import type { AccountListLoad } from "@/components/channels/use-account-list";
import { ChannelOwnerLine } from "@/components/channels/channel-owner";
import { ChannelStatusBadge } from "@/components/channels/channel-status-badge";
import { PageAvatar } from "@/components/channels/page-avatar";

export type AccountsLoad = AccountListLoad<ZaloAccountsView>;

export function ZaloOaList({ load, busyId, onConnect, onRetry }: { load: AccountsLoad; busyId: string | null; onConnect: (oa: OaChoice) => void; onRetry: () => void }) {
  const t = useTranslations("channels.zalo");
  return (
    <AccountListSection headingId="zalo-oas" title={t("oasTitle")} loadingText={t("loadingOas")} load={load} onRetry={onRetry}>
      {(view) => <ReadyList oas={view.oas} busyId={busyId} onConnect={onConnect} />}
    </AccountListSection>
  );
}

function ReadyList({ oas, busyId, onConnect }: { oas: OaChoice[]; busyId: string | null; onConnect: (oa: OaChoice) => void }) {
  const t = useTranslations("channels.zalo");
  if (oas.length === 0) {
    return <AccountListEmpty title={t("noGrantTitle")} body={t("noGrantBody")} />;
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
  // A colleague's OA: the owner line ("Đã được Lan kết nối · Chỉ Lan chat") is the reason.
  const ownerBlocks = oa.blockedBy === "connected_by_other";
  const reason = oa.blockedBy === "taken" ? t("taken") : !ownerBlocks && oa.state !== "connected" && !oa.connectable ? t("grantAgain") : null;
  const disabled = ownerBlocks || reason !== null;
  return (
    <li aria-label={oa.name} className={`flex flex-col gap-3 rounded-xl border p-4 ${oa.blockedBy ? "border-slate-200 bg-slate-50 text-slate-500" : "border-slate-200 bg-white shadow-sm"}`}>
      <div className={`flex items-center gap-3 ${oa.blockedBy ? "grayscale" : ""}`}>
        <PageAvatar name={oa.name} url={oa.avatarUrl} />
        <p className="min-w-0 flex-1 truncate font-medium text-slate-900">{oa.name}</p>
        <ChannelStatusBadge state={oa.state} />
      </div>
      {oa.owner && <ChannelOwnerLine id={ownerBlocks ? reasonId : undefined} owner={oa.owner} lead={ownerBlocks ? "connectedByOther" : "connectedBy"} />}
      {reason && (
        <p id={reasonId} className="text-sm text-slate-600">
          {reason}
        </p>
      )}
      {(oa.state !== "connected" || ownerBlocks) && (
        <Button busy={busy} disabled={disabled} aria-describedby={disabled ? reasonId : undefined} onClick={onConnect} className="self-start">
          {oa.state === "not_connected" || ownerBlocks ? t("connectThis") : t("reconnect")}
        </Button>
      )}
    </li>
  );
}
