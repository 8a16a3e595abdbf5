// Confirmation before "Ngắt kết nối": says what stops and that the history stays.
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/channels/modal";

export function DisconnectDialog({
  pageName,
  account,
  busy,
  onConfirm,
  onClose,
}: {
  pageName: string | null;
  /** What the platform calls the channel ("fanpage", "OA"). */
  account: string;
  busy: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const t = useTranslations();
  return (
    <Modal open={pageName !== null} title={t("channels.disconnectDialog.title", { name: pageName ?? "" })} onClose={onClose}>
      <p className="text-sm text-slate-700">{t("channels.disconnectDialog.body", { account })}</p>
      <div className="mt-5 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Button variant="secondary" onClick={onClose} autoFocus>
          {t("common.cancel")}
        </Button>
        <Button variant="danger" busy={busy} onClick={onConfirm}>
          {t("channels.disconnectDialog.confirm")}
        </Button>
      </div>
    </Modal>
  );
}
