// The report's filters: platform, page/OA, rule and staff member, each "all" by default. The choices
// are the answer's (options), so only what the shop has is offered; a page/OA of another platform
// than the one chosen is not.
"use client";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { isPlatform, platformNames } from "@/lib/channels/platform-names";
import type { ReportFilters } from "@/components/reports/report-query";
import type { ReportOptions } from "@/components/reports/report-types";

export function ReportFilterSelects({
  filters,
  options,
  onChange,
}: {
  filters: ReportFilters;
  options: ReportOptions | null;
  onChange: (filters: ReportFilters) => void;
}) {
  const t = useTranslations("reports.filters");
  const channels = (options?.channels ?? []).filter(
    (channel) => !filters.platform || channel.platform === filters.platform,
  );
  const set = (change: Partial<ReportFilters>) => onChange({ ...filters, ...change });

  return (
    <fieldset className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
      <legend className="sr-only">{t("label")}</legend>
      <Select
        label={t("platform")}
        value={filters.platform}
        all={t("allPlatforms")}
        choices={(options?.platforms ?? []).map((platform) => ({
          value: platform,
          name: platformNames[platform],
        }))}
        onChange={(value) => {
          const platform = value && isPlatform(value) ? value : null;
          const channel = options?.channels.find((candidate) => candidate.id === filters.channelId);
          set({
            platform,
            channelId: platform && channel && channel.platform !== platform ? null : filters.channelId,
          });
        }}
      />
      <Select
        label={t("channel")}
        value={filters.channelId}
        all={t("allChannels")}
        choices={channels.map((channel) => ({ value: channel.id, name: channel.name }))}
        onChange={(channelId) => set({ channelId })}
      />
      <Select
        label={t("rule")}
        value={filters.ruleId}
        all={t("allRules")}
        choices={(options?.rules ?? []).map((rule) => ({ value: rule.id, name: rule.name }))}
        onChange={(ruleId) => set({ ruleId })}
      />
      <Select
        label={t("agent")}
        value={filters.agentId}
        all={t("allAgents")}
        choices={(options?.agents ?? []).map((agent) => ({
          value: agent.id,
          name: agent.active ? agent.name : t("inactiveAgent", { name: agent.name }),
        }))}
        onChange={(agentId) => set({ agentId })}
      />
    </fieldset>
  );
}

function Select({
  label,
  value,
  all,
  choices,
  onChange,
}: {
  label: string;
  value: string | null;
  all: string;
  choices: { value: string; name: string }[];
  onChange: (value: string | null) => void;
}) {
  const id = useId();
  // A value from the address that the answer does not offer (yet) stays selectable, by its id.
  const known = !value || choices.some((choice) => choice.value === value);
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-700">
        {label}
      </label>
      <select
        id={id}
        value={value ?? ""}
        onChange={(event) => onChange(event.target.value || null)}
        className="w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm outline-none focus:ring-2 focus:ring-brand-500"
      >
        <option value="">{all}</option>
        {!known && value && <option value={value}>{value}</option>}
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.name}
          </option>
        ))}
      </select>
    </div>
  );
}
