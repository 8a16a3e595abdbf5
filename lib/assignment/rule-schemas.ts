// Input shapes of the assignment-rule form ("quy tắc chia hội thoại"), shared by the API, the
// settings pages and the connection wizard. Messages are codes the form translates (rules.errors.*).
import { z } from "zod";
import { idSchema } from "@/lib/http/id-schema";

const unique = <T>(values: T[]) => [...new Set(values)];

export const assignmentMethods = ["round_robin", "self_claim"] as const;
export const oldConversationPolicies = ["keep_unassigned", "distribute_available", "distribute_all"] as const;
/** What a round-robin save does with conversations waiting in the rule's "Chờ nhận" queue. */
export const claimQueueDecisions = ["hand_out", "keep_waiting"] as const;

export const ruleInputSchema = z.object({
  name: z.string().trim().min(1, "name_required").max(100, "name_too_long"),
  sourceChannelIds: z.array(idSchema).max(200).transform(unique),
  memberEmails: z
    .array(z.string().trim().toLowerCase().pipe(z.email("invalid_email")))
    .min(1, "members_required")
    .max(500)
    .transform(unique),
  method: z.enum(assignmentMethods),
  oldConversationPolicy: z.enum(oldConversationPolicies),
  /**
   * A page already in another rule moves to this one only when the admin confirmed it; without the
   * flag the save fails with `source_taken`, so a page never changes rule silently.
   */
  moveSources: z.boolean().default(false),
  /**
   * Saving a rule as round-robin while conversations wait in its "Chờ nhận" queue (a switch from
   * self-claim, or a queue kept waiting before): hand them out in turn, or leave them to be claimed.
   * Without it the save fails with `claim_queue_choice_required` and the count, so the queue is
   * never handed out without the admin having seen how many conversations it holds.
   */
  claimQueue: z.enum(claimQueueDecisions).optional(),
});

export const addSourceSchema = z.object({
  channelId: idSchema,
  moveSource: z.boolean().default(false),
});

export const assignInputSchema = z.object({
  /** The new assignee, or null to unassign. */
  userId: idSchema.nullable(),
});

export type RuleInput = z.input<typeof ruleInputSchema>;
export type ParsedRuleInput = z.output<typeof ruleInputSchema>;
export type AssignmentMethod = (typeof assignmentMethods)[number];
export type OldConversationPolicy = (typeof oldConversationPolicies)[number];
export type ClaimQueueDecision = (typeof claimQueueDecisions)[number];
