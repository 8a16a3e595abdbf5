// Room names. A socket joins its user's room, its session's room, its workspace's room and, for
// admins, the admins' room.
export const rooms = {
  user: (userId: string) => `user:${userId}`,
  /** One signed-in device (its tabs share the cookie), so ending that session reaches only its sockets. */
  session: (sessionId: string) => `session:${sessionId}`,
  workspace: (workspaceId: string) => `workspace:${workspaceId}`,
  admins: (workspaceId: string) => `admins:${workspaceId}`,
};
