// The platform accounts a settings screen offers to connect (Facebook's fanpages, Zalo's OAs):
// loaded on mount, reloaded on demand, with the error worded for the admin.
import { useCallback, useEffect, useState } from "react";
import { apiFetch } from "@/lib/client/api-fetch";

export type AccountListLoad<View> =
  | { status: "loading" }
  | { status: "error"; message: string }
  | { status: "ready"; view: View };

/** `errorText` must be stable (useChannelErrorText's is). */
export function useAccountList<View>(url: string, errorText: (error: unknown) => string) {
  const [load, setLoad] = useState<AccountListLoad<View>>({ status: "loading" });

  const fetchList = useCallback(
    (): Promise<AccountListLoad<View>> =>
      apiFetch<View>(url).then(
        (view) => ({ status: "ready", view }),
        (error: unknown) => ({ status: "error", message: errorText(error) }),
      ),
    [url, errorText],
  );
  const reload = useCallback(async () => setLoad(await fetchList()), [fetchList]);

  useEffect(() => {
    let active = true;
    void fetchList().then((next) => active && setLoad(next));
    return () => {
      active = false;
    };
  }, [fetchList]);

  /** "Thử lại" after a failed load: the spinner again, then the new answer. */
  const retry = useCallback(() => {
    setLoad({ status: "loading" });
    void reload();
  }, [reload]);

  return { load, reload, retry };
}
