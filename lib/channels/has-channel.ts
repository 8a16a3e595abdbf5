// Whether a workspace has connected any chat channel yet (a disconnected one still counts: its
// conversations are kept). The inbox of a workspace without one leads its admins to the setup.
import { db } from "@/lib/db";

export async function workspaceHasChannel(workspaceId: string): Promise<boolean> {
  return (await db().channel.findFirst({ where: { workspaceId }, select: { id: true } })) !== null;
}
