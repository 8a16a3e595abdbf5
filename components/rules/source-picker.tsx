// "Nguồn": the workspace's channels of every platform (Facebook pages, Zalo OAs…) as checkboxes, each
// with its platform's mark. A channel already in another rule says so, and picking it asks for an
// explicit confirmation before the save can move it.
"use client";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useId } from "react";
import type { RuleFormOptions } from "@/lib/assignment/list-rule-form-options";
import { PlatformIcon } from "@/components/channels/platform-icon";
import { platforms } from "@/lib/channels/platform-names";

type Channel = RuleFormOptions["channels"][number];

export function SourcePicker({
  channels,
  ruleId,
  selected,
  onToggle,
  moveConfirmed,
  onMoveConfirmedChange,
  error,
}: {
  channels: Channel[];
  /** The rule being edited (its own pages are not "taken"). */
  ruleId: string | null;
  selected: ReadonlySet<string>;
  onToggle: (channelId: string) => void;
  moveConfirmed: boolean;
  onMoveConfirmedChange: (confirmed: boolean) => void;
  error?: string;
}) {
  const t = useTranslations("rules.form");
  const format = useFormatter();
  const id = useId();
  // The hint names the kinds of channel listed ("Page", "OA", "Page hoặc OA"); all of them before any is connected.
  const listed = platforms.filter((platform) => channels.some((channel) => channel.platform === platform));
  const kinds = listed.length > 0 ? listed : platforms;
  const sourcesHint = t("sourcesHint", {
    kinds: format.list(kinds.map((platform) => t(`sourceKinds.${platform}.many`)), { type: "disjunction" }),
    kind: format.list(kinds.map((platform) => t(`sourceKinds.${platform}.one`)), { type: "disjunction" }),
  });
  const takenElsewhere = (channel: Channel) => channel.rule !== null && channel.rule.id !== ruleId;
  const moving = channels.filter((channel) => selected.has(channel.id) && takenElsewhere(channel));

  return (
    <fieldset className="flex flex-col gap-2" aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`} aria-invalid={error ? true : undefined}>
      <legend className="mb-1 text-sm font-semibold text-slate-900">{t("sources")}</legend>
      <p id={`${id}-hint`} className="text-xs text-slate-500">
        {sourcesHint}
      </p>
      {channels.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-3 text-sm text-slate-600">
          {t("noChannels")}{" "}
          <Link href="/settings/channels" className="font-medium text-brand-700 underline">
            {t("connectChannels")}
          </Link>
        </p>
      ) : (
        <ul className="flex max-h-72 flex-col gap-1 overflow-y-auto rounded-lg border border-slate-200 bg-white p-1">
          {channels.map((channel) => (
            <li key={channel.id}>
              <label className="flex cursor-pointer items-start gap-3 rounded-md px-2 py-2 text-sm hover:bg-slate-50 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-500">
                <input
                  type="checkbox"
                  checked={selected.has(channel.id)}
                  onChange={() => onToggle(channel.id)}
                  className="mt-0.5 size-4 shrink-0 accent-brand-600"
                />
                <span className="min-w-0 flex-1">
                  <span className="flex min-w-0 items-center gap-1.5 font-medium">
                    <PlatformIcon platform={channel.platform} />
                    <span className="truncate">{channel.name}</span>
                  </span>
                  <span className="flex flex-wrap gap-x-3 text-xs text-slate-500">
                    <span>{t(`status.${channel.status}`)}</span>
                    {takenElsewhere(channel) && <span className="text-amber-700">{t("takenBy", { rule: channel.rule?.name ?? "" })}</span>}
                    {channel.chatMode === "only_me" && !channel.rule && <span>{t("onlyMe")}</span>}
                  </span>
                </span>
              </label>
            </li>
          ))}
        </ul>
      )}
      {moving.length > 0 && (
        <label className="flex items-start gap-2 rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
          <input
            type="checkbox"
            checked={moveConfirmed}
            onChange={(event) => onMoveConfirmedChange(event.target.checked)}
            className="mt-0.5 size-4 shrink-0 accent-amber-600"
          />
          {t("moveConfirm", { pages: moving.map((channel) => channel.name).join(", ") })}
        </label>
      )}
      {error && (
        <p id={`${id}-error`} className="text-xs text-red-600">
          {error}
        </p>
      )}
    </fieldset>
  );
}
