// "Thông tin khách hàng" in the side panel: platform and first message, the phone, address and notes
// the agent fills in, and the numbers the customer wrote, each saved in one click ("Lưu số này").
// A colleague's change arrives live: fields nobody is editing here take it at once; one being
// edited keeps what is typed, with a notice.
"use client";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useId, useState } from "react";
import { apiFetch } from "@/lib/client/api-fetch";
import { useDateFormat } from "@/lib/client/use-date-format";
import { platformNames } from "@/lib/channels/platform-names";
import { detectPhoneNumbers, formatPhoneNumber } from "@/lib/contacts/phone-number";
import type { CustomerCard as Card, CustomerCardView } from "@/lib/contacts/customer-card-input";
import { ADDRESS_MAX_LENGTH, CUSTOMER_NOTES_MAX_LENGTH, DETECTED_PHONES_MAX } from "@/lib/contacts/customer-card-limits";
import type { ServerEventPayload } from "@/lib/realtime/events";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { PlatformIcon } from "@/components/channels/platform-icon";
import { useRealtimeEvent } from "@/components/realtime/use-realtime";
import { useCustomerErrorText } from "@/components/labels/use-customer-error-text";

type Editable = Pick<Card, "phone" | "address" | "notes">;
type Draft = Record<keyof Editable, string>;

const draftOf = (card: Editable): Draft => ({
  phone: card.phone ? formatPhoneNumber(card.phone) : "",
  address: card.address ?? "",
  notes: card.notes ?? "",
});

const cardPath = (conversationId: string) => `/api/conversations/${encodeURIComponent(conversationId)}/customer`;

export function CustomerCard({ conversationId }: { conversationId: string }) {
  const t = useTranslations("customer.card");
  const format = useDateFormat();
  const { wholeText, fieldOf } = useCustomerErrorText();
  const idBase = useId();
  const [view, setView] = useState<CustomerCardView | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [draft, setDraft] = useState<Draft>({ phone: "", address: "", notes: "" });
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: "success" | "error" | "info"; text: string; field?: string } | null>(null);

  // Each retry asks again; an answer for an earlier attempt that arrives late is dropped.
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    apiFetch<CustomerCardView>(cardPath(conversationId)).then(
      (loaded) => {
        if (!current) return;
        setView(loaded);
        setDraft(draftOf(loaded.card));
      },
      (error: unknown) => current && setLoadError(error),
    );
    return () => {
      current = false;
    };
  }, [conversationId, attempt]);

  const saved = view ? draftOf(view.card) : draft;
  useRealtimeEvent(
    "customer:updated",
    useCallback(
      ({ contactId, ...fields }: ServerEventPayload<"customer:updated">) => {
        if (!view || contactId !== view.card.contactId) return;
        const before = draftOf(view.card);
        const after = draftOf(fields);
        const keys = Object.keys(after) as (keyof Draft)[];
        // A field being edited here keeps what is typed; the notice says when it was changed there too.
        const editing = keys.filter((key) => draft[key] !== before[key]);
        setView({ ...view, card: { ...view.card, ...fields } });
        setDraft(Object.fromEntries(keys.map((key) => [key, editing.includes(key) ? draft[key] : after[key]])) as Draft);
        if (editing.some((key) => after[key] !== before[key] && after[key] !== draft[key])) setMessage({ tone: "info", text: t("updatedByOthers") });
      },
      [view, draft, t],
    ),
  );

  // A number the customer sends while the card is open is offered at once, newest first as the server orders them.
  useRealtimeEvent(
    "message:upsert",
    useCallback(
      ({ message }: ServerEventPayload<"message:upsert">) => {
        if (message.conversationId !== conversationId || message.direction !== "inbound" || !message.text) return;
        const phones = detectPhoneNumbers(message.text);
        if (phones.length === 0) return;
        setView((current) => current && { ...current, detectedPhones: [...new Set([...phones, ...current.detectedPhones])].slice(0, DETECTED_PHONES_MAX) });
      },
      [conversationId],
    ),
  );

  async function save(patch: Partial<Draft>, success: (card: Card) => string) {
    setBusy(true);
    setMessage(null);
    try {
      const { card } = await apiFetch<{ card: Card }>(cardPath(conversationId), { method: "PATCH", json: patch });
      setView((current) => current && { ...current, card });
      setDraft((current) => ({ ...current, ...Object.fromEntries(Object.keys(patch).map((key) => [key, draftOf(card)[key as keyof Draft]])) }));
      setMessage({ tone: "success", text: success(card) });
    } catch (error) {
      setMessage({ tone: "error", text: wholeText(error), field: fieldOf(error) ?? undefined });
    } finally {
      setBusy(false);
    }
  }

  if (loadError) {
    return (
      <div className="space-y-2">
        <Alert tone="error">{wholeText(loadError)}</Alert>
        <Button
          variant="secondary"
          onClick={() => {
            setLoadError(null);
            setAttempt((value) => value + 1);
          }}
        >
          {t("retry")}
        </Button>
      </div>
    );
  }
  if (!view) {
    return (
      <div role="status" aria-label={t("loading")} className="animate-pulse space-y-3">
        <div className="h-3 w-1/3 rounded bg-slate-200" />
        <div className="h-8 rounded bg-slate-100" />
        <div className="h-8 rounded bg-slate-100" />
        <div className="h-16 rounded bg-slate-100" />
      </div>
    );
  }

  const { card, detectedPhones } = view;
  const changed = (Object.keys(draft) as (keyof Draft)[]).filter((key) => draft[key] !== saved[key]);
  const fieldError = (field: string) => (message?.tone === "error" && message.field === field ? message.text : undefined);
  // Escape anywhere in the inbox closes this panel (inbox-view.tsx) unless a field handled it, and
  // closing drops the card's unsaved edits. In a field, Escape first takes back that field's edit (as
  // it cancels a label's rename, label-form.tsx); while another field still holds one it does nothing.
  const escapeIn = (key: keyof Draft) => (event: React.KeyboardEvent) => {
    if (event.key !== "Escape" || event.nativeEvent.isComposing || changed.length === 0) return;
    event.preventDefault();
    if (draft[key] === saved[key]) return;
    setDraft({ ...draft, [key]: saved[key] });
    if (message?.field === key) setMessage(null);
  };

  return (
    <section aria-labelledby={`${idBase}-title`} className="space-y-4">
      <h3 id={`${idBase}-title`} className="text-sm font-semibold">
        {t("title")}
      </h3>
      <dl className="grid grid-cols-2 gap-3 text-sm">
        <div>
          <dt className="text-xs text-slate-500">{t("platform")}</dt>
          <dd className="mt-0.5 flex items-center gap-1.5">
            <PlatformIcon platform={card.platform} className="size-4" />
            {platformNames[card.platform]}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">{t("firstMessage")}</dt>
          <dd className="mt-0.5">{card.firstMessageAt ? format.date(new Date(card.firstMessageAt)) : t("noMessages")}</dd>
        </div>
      </dl>

      {detectedPhones.length > 0 && (
        <div>
          <h4 className="text-xs text-slate-500">{t("detectedTitle")}</h4>
          <ul className="mt-1 space-y-1">
            {detectedPhones.map((phone) => (
              <li key={phone} className="flex items-center justify-between gap-2 text-sm">
                <span id={`${idBase}-phone-${phone}`} className="font-medium tabular-nums">
                  {formatPhoneNumber(phone)}
                </span>
                {card.phone === phone ? (
                  <span className="text-xs text-emerald-700">{t("isSaved")}</span>
                ) : (
                  <Button
                    variant="secondary"
                    className="px-2! py-1! text-xs"
                    disabled={busy}
                    aria-describedby={`${idBase}-phone-${phone}`}
                    onClick={() => void save({ phone }, () => t("phoneSaved", { phone: formatPhoneNumber(phone) }))}
                  >
                    {t("saveThis")}
                  </Button>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}

      <form
        className="space-y-3"
        onSubmit={(event) => {
          event.preventDefault();
          void save(Object.fromEntries(changed.map((key) => [key, draft[key]])), () => t("saved"));
        }}
      >
        <Field
          label={t("phone")}
          type="tel"
          inputMode="tel"
          autoComplete="off"
          value={draft.phone}
          onChange={(event) => setDraft({ ...draft, phone: event.target.value })}
          onKeyDown={escapeIn("phone")}
          hint={t("phoneHint")}
          error={fieldError("phone")}
          maxLength={30}
        />
        <Field
          label={t("address")}
          value={draft.address}
          onChange={(event) => setDraft({ ...draft, address: event.target.value })}
          onKeyDown={escapeIn("address")}
          hint={t("addressHint", { limit: ADDRESS_MAX_LENGTH })}
          error={fieldError("address")}
          maxLength={ADDRESS_MAX_LENGTH}
        />
        <div className="flex flex-col gap-1">
          <label htmlFor={`${idBase}-notes`} className="text-sm font-medium text-slate-700">
            {t("notes")}
          </label>
          <textarea
            id={`${idBase}-notes`}
            rows={4}
            value={draft.notes}
            onChange={(event) => setDraft({ ...draft, notes: event.target.value })}
            onKeyDown={escapeIn("notes")}
            maxLength={CUSTOMER_NOTES_MAX_LENGTH}
            aria-invalid={fieldError("notes") ? true : undefined}
            aria-describedby={`${idBase}-hint`}
            className={`resize-y rounded-lg border bg-white px-3 py-2 text-sm shadow-sm outline-none focus:ring-2 focus:ring-brand-500 ${fieldError("notes") ? "border-red-500" : "border-slate-300"}`}
          />
          <p id={`${idBase}-hint`} className={`text-xs ${fieldError("notes") ? "text-red-600" : "text-slate-500"}`}>
            {fieldError("notes") ?? t("notesHint", { limit: CUSTOMER_NOTES_MAX_LENGTH, length: draft.notes.length })}
          </p>
        </div>
        {message && !message.field && <Alert tone={message.tone}>{message.text}</Alert>}
        <Button type="submit" busy={busy} disabled={changed.length === 0}>
          {t("save")}
        </Button>
      </form>
    </section>
  );
}
