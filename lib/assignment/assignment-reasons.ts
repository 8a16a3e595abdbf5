// Why an assignment event happened: the codes stored in AssignmentEvent.reason and translated by the
// side panel (rules.history.reasons.*). Other features may add their own codes; the panel shows an
// unknown code as is rather than hiding the event.
export const assignmentReasons = {
  onlyMeChannel: "only_me_channel",
  roundRobin: "round_robin",
  claimed: "claimed",
  adminReassign: "admin_reassign",
  adminUnassign: "admin_unassign",
  memberRemoved: "member_removed",
  memberDeactivated: "member_deactivated",
  noActiveMember: "no_active_member",
  connectingAdminInactive: "connecting_admin_inactive",
  oldConversationPolicy: "old_conversation_policy",
  sourceRemoved: "source_removed",
  ruleDeleted: "rule_deleted",
} as const;

export type AssignmentReason = (typeof assignmentReasons)[keyof typeof assignmentReasons];
