// Step 3 when the person unticked a permission on Facebook: names each missing one and offers
// "Cấp lại quyền", which opens the dialog again with auth_type=rerequest.
import { useTranslations } from "next-intl";

export const REREQUEST_URL = "/api/channels/facebook/oauth/start?rerequest=1";

export function MissingPermissions({ scopes }: { scopes: string[] }) {
  const t = useTranslations("channels.wizard");
  return (
    <div role="alert" className="rounded-xl border border-amber-200 bg-amber-50 p-4 text-sm text-amber-950">
      <h3 className="font-semibold">{t("missingTitle")}</h3>
      <p className="mt-1">{t("missingBody")}</p>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {scopes.map((scope) => (
          <li key={scope}>
            {t.has(`permissions.${scope}`) ? t(`permissions.${scope}`) : scope} <code className="text-xs text-amber-800">({scope})</code>
          </li>
        ))}
      </ul>
      <a
        href={REREQUEST_URL}
        className="mt-3 inline-flex items-center justify-center rounded-lg bg-amber-600 px-4 py-2 font-medium text-white hover:bg-amber-700"
      >
        {t("rerequest")}
      </a>
    </div>
  );
}
