// The section under a settings screen's connected channels that lists the platform's accounts to
// connect: its heading, then a spinner, an error with "Thử lại", or the platform's own list.
import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { AccountListLoad } from "@/components/channels/use-account-list";

export function AccountListSection<View>({
  headingId,
  title,
  loadingText,
  load,
  onRetry,
  children,
}: {
  headingId: string;
  title: string;
  loadingText: string;
  load: AccountListLoad<View>;
  onRetry: () => void;
  children: (view: View) => ReactNode;
}) {
  const t = useTranslations("common");
  return (
    <section aria-labelledby={headingId} className="mt-8">
      <h2 id={headingId} className="text-lg font-semibold">
        {title}
      </h2>
      {load.status === "loading" && (
        <p role="status" className="mt-3 flex items-center gap-2 text-sm text-slate-600">
          <span
            className="size-4 animate-spin rounded-full border-2 border-brand-600 border-t-transparent"
            aria-hidden
          />
          {loadingText}
        </p>
      )}
      {load.status === "error" && (
        <div className="mt-3 flex flex-col items-start gap-2">
          <Alert tone="error">{load.message}</Alert>
          <Button variant="secondary" onClick={onRetry}>
            {t("retry")}
          </Button>
        </div>
      )}
      {load.status === "ready" && children(load.view)}
    </section>
  );
}

/** What a platform's list says before there is anything to connect (no login yet, no grant yet). */
export function AccountListEmpty({ title, body }: { title: string; body: string }) {
  return (
    <div className="mt-3 rounded-xl border border-dashed border-slate-300 bg-white p-6 text-center">
      <p className="font-medium">{title}</p>
      <p className="mx-auto mt-1 max-w-md text-sm text-slate-600">{body}</p>
    </div>
  );
}
