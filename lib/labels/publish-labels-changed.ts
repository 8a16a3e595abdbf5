// After a label change commits, every browser of the workspace asks again for the labels and its own
// counts (GET /api/labels): counts depend on what each viewer may see, so they are not broadcast.
import { publish } from "@/lib/realtime/io";
import { rooms } from "@/lib/realtime/rooms";

export function publishLabelsChanged(workspaceId: string): void {
  publish([{ rooms: [rooms.workspace(workspaceId)], event: "labels:changed", payload: {} }]);
}
