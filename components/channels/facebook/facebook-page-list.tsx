// Steps 3-4: the pages Facebook returned for the signed-in person, each with its state here, who
// connected it and how it is shared once it is connected in this workspace, and "Kết nối fanpage
// này"; pages they do not administer, another shop's, and (for staff) a colleague's are greyed out
// with the reason.
import { useTranslations } from "next-intl";
import type { FacebookPagesView } from "@/lib/channels/facebook/list-facebook-pages";
import type { PageChoice } from "@/lib/channels/facebook/page-choice";
import { Button } from "@/components/ui/button";
import { AccountListEmpty, AccountListSection } from "@/components/channels/account-list-section";
import type { AccountListLoad } from "@/components/channels/use-account-list";
import { ChannelOwnerLine } from "@/components/channels/channel-owner";
import { ChannelStatusBadge } from "@/components/channels/channel-status-badge";
import { MissingPermissions } from "@/components/channels/facebook/missing-permissions";
import { PageAvatar } from "@/components/channels/page-avatar";

export type PagesLoad = AccountListLoad<FacebookPagesView>;

export function FacebookPageList({
  load,
  busyPageId,
  onConnect,
  onRetry,
}: {
  load: PagesLoad;
  busyPageId: string | null;
  onConnect: (page: PageChoice) => void;
  onRetry: () => void;
}) {
  const t = useTranslations("channels.wizard");
  return (
    <AccountListSection headingId="facebook-pages" title={t("pagesTitle")} loadingText={t("loadingPages")} load={load} onRetry={onRetry}>
      {(view) => <ReadyList view={view} busyPageId={busyPageId} onConnect={onConnect} />}
    </AccountListSection>
  );
}

function ReadyList({ view, busyPageId, onConnect }: { view: FacebookPagesView; busyPageId: string | null; onConnect: (page: PageChoice) => void }) {
  const t = useTranslations("channels.wizard");
  if (!view.account) {
    return <AccountListEmpty title={t("noAccountTitle")} body={t("noAccountBody")} />;
  }
  const missing = view.account.missingScopes.length > 0;
  return (
    <div className="mt-2 flex flex-col gap-3">
      <p className="text-sm text-slate-600">{t("signedInAs", { name: view.account.name })}</p>
      {missing && <MissingPermissions scopes={view.account.missingScopes} />}
      {view.pages.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white p-6 text-center text-sm text-slate-600">{t("pagesEmpty")}</p>
      ) : (
        <ul aria-label={t("pagesList")} className="grid gap-3 sm:grid-cols-2">
          {view.pages.map((page) => (
            <PageCard key={page.id} page={page} busy={busyPageId === page.id} permissionsMissing={missing} onConnect={() => onConnect(page)} />
          ))}
        </ul>
      )}
    </div>
  );
}

function PageCard({ page, busy, permissionsMissing, onConnect }: { page: PageChoice; busy: boolean; permissionsMissing: boolean; onConnect: () => void }) {
  const t = useTranslations("channels.wizard");
  const reasonId = `page-${page.id}-reason`;
  const blocked = page.blockedBy !== null;
  // A colleague's page: the owner line ("Đã được Lan kết nối · Chỉ Lan chat") is the reason.
  const ownerBlocks = page.blockedBy === "connected_by_other";
  return (
    <li
      aria-label={page.name}
      className={`flex flex-col gap-3 rounded-xl border p-4 ${blocked ? "border-slate-200 bg-slate-50 text-slate-500" : "border-slate-200 bg-white shadow-sm"}`}
    >
      <div className={`flex items-center gap-3 ${blocked ? "grayscale" : ""}`}>
        <PageAvatar name={page.name} url={page.pictureUrl} />
        <div className="min-w-0 flex-1">
          <p className="truncate font-medium text-slate-900">{page.name}</p>
          {page.category && <p className="truncate text-xs text-slate-600">{page.category}</p>}
        </div>
        <ChannelStatusBadge state={page.state} />
      </div>
      {page.owner && <ChannelOwnerLine id={ownerBlocks ? reasonId : undefined} owner={page.owner} lead={ownerBlocks ? "connectedByOther" : "connectedBy"} />}
      {blocked ? (
        <>
          {!ownerBlocks && (
            <p id={reasonId} className="text-sm text-slate-600">
              {t(`blocked.${page.blockedBy}`)}
            </p>
          )}
          <Button variant="secondary" disabled aria-describedby={reasonId} className="self-start">
            {t("connectThis")}
          </Button>
        </>
      ) : (
        page.state !== "connected" && (
          <Button busy={busy} disabled={permissionsMissing} onClick={onConnect} className="self-start">
            {page.state === "not_connected" ? t("connectThis") : t("reconnect")}
          </Button>
        )
      )}
    </li>
  );
}
