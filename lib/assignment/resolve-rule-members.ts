// "User nhận hội thoại": turns the form's emails into accounts of the workspace. An email with no
// account here is a field error naming it, never a silent skip; so is a locked account being added
// (one already in the rule may stay — the rotation skips it while it is locked).
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";

export interface RuleMemberAccount {
  id: string;
  email: string;
}

export async function resolveRuleMembers(
  tx: Tx,
  workspaceId: string,
  emails: readonly string[],
  currentMemberIds: ReadonlySet<string>,
): Promise<RuleMemberAccount[]> {
  const accounts = await tx.user.findMany({
    where: { workspaceId, email: { in: [...emails] } },
    select: { id: true, email: true, active: true },
  });
  const byEmail = new Map(accounts.map((account) => [account.email, account]));
  const unknown = emails.filter((email) => !byEmail.has(email));
  if (unknown.length > 0) {
    throw new AppError(
      "invalid_input",
      `No account in this workspace has the email ${unknown.join(", ")}.`,
      { emails: unknown.join(", ") },
      { memberEmails: ["unknown_email"] },
    );
  }
  const locked = emails.filter((email) => {
    const account = byEmail.get(email);
    return account && !account.active && !currentMemberIds.has(account.id);
  });
  if (locked.length > 0) {
    throw new AppError(
      "invalid_input",
      `The account ${locked.join(", ")} is locked and cannot receive conversations.`,
      { emails: locked.join(", ") },
      { memberEmails: ["inactive_member"] },
    );
  }
  return emails.map((email) => {
    const account = byEmail.get(email) as RuleMemberAccount;
    return { id: account.id, email: account.email };
  });
}
