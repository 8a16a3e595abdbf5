// "Nguồn": checks the pages picked for a rule. A page of another workspace is a 404 (its existence
// is not confirmed); a page that belongs to another rule is a conflict naming it, unless the admin
// confirmed the move (`moveSources`), so a page never changes rule silently.
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";

export interface RuleSourceChannel {
  id: string;
  name: string;
  /** The rule the page belongs to now, if any. */
  ownerRuleId: string | null;
}

export async function resolveRuleSources(
  tx: Tx,
  workspaceId: string,
  channelIds: readonly string[],
  options: { ruleId: string | null; moveSources: boolean },
): Promise<RuleSourceChannel[]> {
  if (channelIds.length === 0) return [];
  const channels = await tx.channel.findMany({
    where: { id: { in: [...channelIds] }, workspaceId },
    select: { id: true, name: true, ruleSource: { select: { rule: { select: { id: true, name: true } } } } },
  });
  if (channels.length !== channelIds.length) throw new AppError("not_found", "One of the chosen pages does not exist.");

  const taken = channels.filter((channel) => channel.ruleSource && channel.ruleSource.rule.id !== options.ruleId);
  if (taken.length > 0 && !options.moveSources) {
    const pages = taken.map((channel) => channel.name).join(", ");
    const rules = [...new Set(taken.map((channel) => channel.ruleSource?.rule.name))].join(", ");
    throw new AppError(
      "conflict",
      `${pages} already belongs to the rule ${rules}. Confirm to move it to this rule.`,
      { pages, rules },
      { sourceChannelIds: ["source_taken"] },
    );
  }
  return channels.map((channel) => ({ id: channel.id, name: channel.name, ownerRuleId: channel.ruleSource?.rule.id ?? null }));
}
