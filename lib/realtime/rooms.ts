// Room names. A socket joins its user's room, its workspace's room and, for admins, the admins' room.
export const rooms = {
  user: (userId: string) => `user:${userId}`,
  workspace: (workspaceId: string) => `workspace:${workspaceId}`,
  admins: (workspaceId: string) => `admins:${workspaceId}`,
};
