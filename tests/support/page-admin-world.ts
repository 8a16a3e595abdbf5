// Issue 16's world: a shop where staff who administer Facebook pages connect them themselves. Its
// admin, a second admin, and two agents who sign in with Facebook as the Meta emulator's people:
// Lan as Nguyễn Văn An (admin of Hoa Mai, Mỹ Phẩm and Lâu Năm, only a moderator of Bánh Ngọt) and
// Hà as Trần Thị Bình (admin of Gia Dụng and Lâu Năm, only an editor of Hoa Mai).
import { db } from "../../lib/db";
import type { SessionUser } from "../../lib/auth/session-token";
import { connectFacebookPage } from "../../lib/channels/facebook/connect-facebook-page";
import { setChannelChatMode } from "../../lib/channels/set-channel-chat-mode";
import { chatModeChoiceSchema, type ChatModeChoice } from "../../lib/channels/chat-mode-schema";
import type { MetaEmulator } from "../../emulators/meta/start-meta-emulator";
import { createUser } from "./assignment-fixtures";
import { createAdmin, signInWithFacebook } from "./facebook-connect";

export interface PageAdminShop {
  admin: SessionUser;
  /** A second admin of the same shop. */
  khoa: SessionUser;
  lan: SessionUser;
  ha: SessionUser;
}

export async function createPageAdminShop(): Promise<PageAdminShop> {
  const admin = await createAdmin("Hoa Mai", "admin@hoamai.vn");
  const { workspaceId } = admin;
  return {
    admin,
    khoa: await createUser(workspaceId, { email: "khoa@hoamai.vn", name: "Khoa", role: "admin" }),
    lan: await createUser(workspaceId, { email: "lan@hoamai.vn", name: "Lan" }),
    ha: await createUser(workspaceId, { email: "ha@hoamai.vn", name: "Hà" }),
  };
}

/** `user` signs in with Facebook as `facebookUserId`, connects the page and settles its chat permission. */
export async function connectPageAs(
  emulator: MetaEmulator,
  user: SessionUser,
  facebookUserId: string,
  pageId: string,
  choice: ChatModeChoice = { mode: "only_me" },
): Promise<string> {
  await signInWithFacebook(emulator, user, facebookUserId);
  const { channelId } = await connectFacebookPage(user, pageId);
  await setChannelChatMode(user, channelId, chatModeChoiceSchema.parse(choice));
  return channelId;
}

/**
 * What a refused request must leave as it was: channels (owner, mode, status, token, rule request),
 * rules' pages and members, who holds which conversation, accounts, audit rows and history syncs.
 */
export async function shopState() {
  const [channels, ruleSources, ruleMembers, rules, conversations, users, channelEvents, assignmentEvents, historySyncs] = await Promise.all([
    db().channel.findMany({ orderBy: { id: "asc" } }),
    db().ruleSource.findMany({ orderBy: { channelId: "asc" } }),
    db().ruleMember.findMany({ orderBy: [{ ruleId: "asc" }, { userId: "asc" }] }),
    db().assignmentRule.findMany({ orderBy: { id: "asc" } }),
    db().conversation.findMany({ orderBy: { id: "asc" }, select: { id: true, channelId: true, assigneeId: true, state: true, ruleId: true } }),
    db().user.findMany({ orderBy: { id: "asc" }, select: { id: true, role: true, active: true } }),
    db().channelEvent.count(),
    db().assignmentEvent.count(),
    db().historySync.findMany({ orderBy: { channelId: "asc" }, select: { channelId: true, status: true } }),
  ]);
  return { channels, ruleSources, ruleMembers, rules, conversations, users, channelEvents, assignmentEvents, historySyncs };
}
