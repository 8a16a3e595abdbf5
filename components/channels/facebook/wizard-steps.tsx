// Facebook's four connect steps (README, "Connect a demo page"), with the one the admin is at highlighted,
// or all four ticked once a page is connected.
import { useTranslations } from "next-intl";

const STEPS = ["add", "choose", "grant", "connect"] as const;
export type WizardStep = (typeof STEPS)[number] | "finished";

export function WizardSteps({ current }: { current: WizardStep }) {
  const t = useTranslations("channels.wizard");
  const currentIndex = current === "finished" ? STEPS.length : STEPS.indexOf(current);
  return (
    <ol aria-label={t(current === "finished" ? "stepsFinishedLabel" : "stepsLabel")} className="mt-5 grid grid-cols-2 gap-2 sm:grid-cols-4">
      {STEPS.map((step, index) => {
        const done = index < currentIndex;
        const isCurrent = index === currentIndex;
        return (
          <li
            key={step}
            aria-current={isCurrent ? "step" : undefined}
            className={`flex items-center gap-2 rounded-lg border px-3 py-2 text-sm ${
              isCurrent ? "border-brand-500 bg-brand-50 font-medium text-brand-700" : done ? "border-emerald-200 bg-white text-slate-700" : "border-slate-200 bg-white text-slate-500"
            }`}
          >
            <span
              className={`flex size-6 shrink-0 items-center justify-center rounded-full text-xs font-semibold ${
                isCurrent ? "bg-brand-600 text-white" : done ? "bg-emerald-500 text-white" : "bg-slate-200 text-slate-600"
              }`}
              aria-hidden
            >
              {done ? "✓" : index + 1}
            </span>
            <span>
              {t(`steps.${step}`)}
              {(done || isCurrent) && <span className="sr-only"> ({done ? t("stepDone") : t("stepCurrent")})</span>}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
