// A labelled group of radio choices, each with a line of explanation (method, old-conversation policy).
// Columns follow the width of the nearest @container (the rule form), not the screen.
"use client";
import { useId } from "react";

export interface Choice<V extends string> {
  value: V;
  label: string;
  hint: string;
}

export function ChoiceGroup<V extends string>({
  legend,
  hint,
  name,
  choices,
  value,
  onChange,
  error,
  children,
}: {
  legend: string;
  hint?: string;
  name: string;
  choices: Choice<V>[];
  /** Null until the admin picks one (a question the form must not answer for them). */
  value: V | null;
  onChange: (value: V) => void;
  error?: string;
  children?: React.ReactNode;
}) {
  const id = useId();
  return (
    <fieldset
      className="flex flex-col gap-2"
      aria-describedby={[hint ? `${id}-hint` : "", error ? `${id}-error` : ""].join(" ").trim() || undefined}
      aria-invalid={error ? true : undefined}
    >
      <legend className="mb-1 text-sm font-semibold text-slate-900">{legend}</legend>
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      )}
      <div className={`grid gap-2 ${choices.length === 3 ? "@2xl:grid-cols-3" : "@md:grid-cols-2"}`}>
        {choices.map((choice) => (
          <label
            key={choice.value}
            className="flex cursor-pointer items-start gap-2 rounded-lg border border-slate-200 bg-white p-3 text-sm has-[:checked]:border-brand-500 has-[:checked]:bg-brand-50 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-500"
          >
            <input
              type="radio"
              name={name}
              value={choice.value}
              checked={value === choice.value}
              onChange={() => onChange(choice.value)}
              className="mt-0.5 size-4 shrink-0 accent-brand-600"
            />
            <span>
              <span className="font-medium">{choice.label}</span>
              <span className="mt-0.5 block text-xs text-slate-600">{choice.hint}</span>
            </span>
          </label>
        ))}
      </div>
      {error && (
        <p id={`${id}-error`} className="text-xs text-red-600">
          {error}
        </p>
      )}
      {children}
    </fieldset>
  );
}
