// Input shapes of the assignment-rule form ("quy tắc chia hội thoại"), shared by the API, the
// settings pages and the connection wizard. Messages are codes the form translates (rules.errors.*).
import { z } from "zod";
import { idSchema } from "@/lib/http/id-schema";
import { assignmentMethods } from "@/lib/assignment/assignment-methods";

export { assignmentMethods, distributingMethods, type AssignmentMethod } from "@/lib/assignment/assignment-methods";

const unique = <T>(values: T[]) => [...new Set(values)];
export const oldConversationPolicies = ["keep_unassigned", "distribute_available", "distribute_all"] as const;
/** What a round-robin save does with conversations waiting in the rule's "Chờ nhận" queue. */
export const claimQueueDecisions = ["hand_out", "keep_waiting"] as const;

/** A new rule gives only to available staff, with no cap and no reply timeout. */
export const distributionDefaults = { onlyAvailable: true, maxOpenPerAgent: null, reassignAfterMinutes: null } as const;

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
  /** "Chỉ chia cho nhân viên sẵn sàng nhận chat"; on unless said otherwise. */
  onlyAvailable: z.boolean().default(distributionDefaults.onlyAvailable),
  /** "Tối đa N hội thoại đang mở mỗi nhân viên"; null (blank) = no cap. */
  maxOpenPerAgent: z.number().int("cap_invalid").min(1, "cap_invalid").max(10_000, "cap_invalid").nullable().default(distributionDefaults.maxOpenPerAgent),
  /** "Chia lại nếu không trả lời sau N phút"; null (blank) = never. */
  reassignAfterMinutes: z.number().int("timeout_invalid").min(1, "timeout_invalid").max(7 * 24 * 60, "timeout_invalid").nullable().default(distributionDefaults.reassignAfterMinutes),
  /**
   * A page already in another rule moves to this one only when the admin confirmed it; without the
   * flag the save fails with `source_taken`, so a page never changes rule silently.
   */
  moveSources: z.boolean().default(false),
  /**
   * Saving a rule as round-robin or least-loaded while conversations wait in its "Chờ nhận" queue (a switch from
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

export const transferInputSchema = z.object({
  userId: idSchema,
  /** For the receiver ("Ghi chú"), kept in the assignment history. */
  note: z.string().trim().max(500, "note_too_long").transform((note) => note || null).nullable().default(null),
});

export const availabilityInputSchema = z.object({ availability: z.enum(["available", "away"]) });

export const assignInputSchema = z.object({
  /** The new assignee, or null to unassign. */
  userId: idSchema.nullable(),
});

export type RuleInput = z.input<typeof ruleInputSchema>;
/** Callers inside the app (the wizard, tests, benchmarks) may leave the distribution options to their defaults. */
export type ParsedRuleInput = Omit<z.output<typeof ruleInputSchema>, keyof typeof distributionDefaults> &
  Partial<Pick<z.output<typeof ruleInputSchema>, keyof typeof distributionDefaults>>;
export type OldConversationPolicy = (typeof oldConversationPolicies)[number];
export type ClaimQueueDecision = (typeof claimQueueDecisions)[number];
