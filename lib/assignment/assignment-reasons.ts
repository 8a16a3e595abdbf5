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
  /** Members are active but away or at the rule's cap: the conversation waits in the queue. */
  nobodyAvailable: "nobody_available",
  /** Handed out from the queue once a member became available or fell below the cap. */
  queueHandedOut: "queue_handed_out",
  /** "Chia lại nếu không trả lời sau N phút". */
  replyTimeout: "reply_timeout",
  /** "Đánh dấu đã xử lý". */
  markedDone: "marked_done",
  /** "Mở lại" by hand. */
  reopenedByHand: "reopened_by_hand",
  /** The customer wrote again; kept by the same agent. */
  customerWroteAgain: "customer_wrote_again",
  /** "Chuyển cho…". */
  transferred: "transferred",
  /** An admin took the "only me" page over, or it was handed on when its owner left. */
  channelChangedHands: "channel_changed_hands",
} as const;

export type AssignmentReason = (typeof assignmentReasons)[keyof typeof assignmentReasons];
