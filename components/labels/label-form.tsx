// A label's name and colour: the same form adds a label and edits one in place. A refusal about the
// name (taken, too long) shows under the name; anything else above the button.
"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { LabelColor } from "@/lib/labels/label-colors";
import type { LabelDto } from "@/lib/labels/label-input";
import { LABEL_NAME_MAX } from "@/lib/labels/label-limits";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ColorPicker } from "@/components/labels/color-picker";
import { useCustomerErrorText } from "@/components/labels/use-customer-error-text";

interface Props {
  initial: { name: string; color: LabelColor };
  submitText: string;
  onSubmit: (input: { name: string; color: LabelColor }) => Promise<LabelDto>;
  onSaved: (label: LabelDto) => void;
  onCancel?: () => void;
}

export function LabelForm({ initial, submitText, onSubmit, onSaved, onCancel }: Props) {
  const t = useTranslations("customer.labels");
  const { wholeText, fieldOf } = useCustomerErrorText();
  const [name, setName] = useState(initial.name);
  const [color, setColor] = useState(initial.color);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ text: string; field: string | null } | null>(null);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const label = await onSubmit({ name, color });
      onSaved(label);
      if (!onCancel) setName("");
    } catch (caught) {
      setError({ text: wholeText(caught), field: fieldOf(caught) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-3">
      <Field
        label={t("name")}
        value={name}
        onChange={(event) => setName(event.target.value)}
        hint={t("nameHint", { limit: LABEL_NAME_MAX })}
        error={error?.field === "name" ? error.text : undefined}
        maxLength={LABEL_NAME_MAX}
        required
        autoFocus={Boolean(onCancel)}
        onKeyDown={(event) => {
          if (event.key !== "Escape" || !onCancel) return;
          event.preventDefault();
          onCancel();
        }}
      />
      <ColorPicker value={color} onChange={setColor} disabled={busy} />
      {error && error.field !== "name" && <Alert tone="error">{error.text}</Alert>}
      <div className="flex gap-2">
        <Button type="submit" busy={busy}>
          {submitText}
        </Button>
        {onCancel && (
          <Button type="button" variant="secondary" onClick={onCancel} disabled={busy}>
            {t("cancel")}
          </Button>
        )}
      </div>
    </form>
  );
}
