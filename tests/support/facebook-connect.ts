// The connect wizard's world for integration tests: the Meta emulator in-process with the app's
// Graph and dialog URLs pointed at it, workspaces with an admin, and Facebook Login run end to end
// (our dialog URL → the emulator's dialog → our callback logic), the way a browser would.
import { afterAll, beforeAll, beforeEach } from "vitest";
import type { SessionUser } from "../../lib/auth/session";
import { startJobQueue, stopJobQueue } from "../../lib/jobs/job-queue";
import { completeFacebookLogin, type FacebookLoginOutcome } from "../../lib/channels/facebook/complete-facebook-login";
import { startFacebookLogin } from "../../lib/channels/facebook/start-facebook-login";
import { runLoginDialog, type DialogRun } from "../../emulators/meta/dialog-driver";
import type { MetaEmulator } from "../../emulators/meta/start-meta-emulator";
import { createWorkspace } from "./assignment-fixtures";
import { startAppEmulator } from "./app-emulator";
import { resetDatabase } from "./reset-database";

/** A workspace whose admin connects pages with Facebook Login (start the emulator with startAppEmulator). */
export async function createAdmin(workspaceName: string, email: string): Promise<SessionUser> {
  return (await createWorkspace(workspaceName, { email, name: `Admin ${workspaceName}` })).admin;
}

/** The emulator's seeded Facebook people and pages, by the names the dialog shows. */
export function facebookWorld(emulator: MetaEmulator) {
  const user = (name: string) => {
    const found = emulator.world.users.find((candidate) => candidate.name === name);
    if (!found) throw new Error(`No Facebook user ${name} in the emulator`);
    return found;
  };
  const page = (name: string) => {
    const found = emulator.world.pages.find((candidate) => candidate.name === name);
    if (!found) throw new Error(`No page ${name} in the emulator`);
    return found;
  };
  return {
    an: user("Nguyễn Văn An"),
    binh: user("Trần Thị Bình"),
    hoaMai: page("Shop Thời Trang Hoa Mai"),
    myPham: page("Mỹ Phẩm Thiên Nhiên"),
    banhNgot: page("Tiệm Bánh Ngọt Sài Gòn"),
    /** A page Văn An has no role on at all. */
    giaDung: page("Đồ Gia Dụng Tiện Lợi"),
    lauNam: page("Cửa Hàng Lâu Năm"),
  };
}

export type DialogChoices = Pick<DialogRun, "pageIds" | "decline" | "cancelAt">;

export interface LoginRun {
  dialogUrl: URL;
  redirect: URL;
}

/** "Thêm kết nối" (or "Cấp lại quyền"), then the person's choices on Facebook's dialog. */
export async function runFacebookDialog(
  emulator: MetaEmulator,
  admin: SessionUser,
  facebookUserId: string,
  choices: DialogChoices & { rerequest?: boolean } = {},
): Promise<LoginRun> {
  const { dialogUrl } = await startFacebookLogin(admin.id, { rerequest: choices.rerequest ?? false });
  const url = new URL(dialogUrl);
  const redirect = await runLoginDialog({
    emulatorUrl: emulator.url,
    graphVersion: url.pathname.split("/")[1],
    appId: url.searchParams.get("client_id") ?? "",
    redirectUri: url.searchParams.get("redirect_uri") ?? "",
    scope: (url.searchParams.get("scope") ?? "").split(","),
    state: url.searchParams.get("state") ?? undefined,
    rerequest: url.searchParams.get("auth_type") === "rerequest",
    userId: facebookUserId,
    ...choices,
  });
  return { dialogUrl: url, redirect };
}

/** What our callback route does with Facebook's redirect. */
export function finishLogin(admin: SessionUser, run: LoginRun): Promise<FacebookLoginOutcome> {
  const query = run.redirect.searchParams;
  return completeFacebookLogin(admin, { code: query.get("code"), state: query.get("state"), error: query.get("error") });
}

export async function signInWithFacebook(
  emulator: MetaEmulator,
  admin: SessionUser,
  facebookUserId: string,
  choices: DialogChoices & { rerequest?: boolean } = {},
): Promise<FacebookLoginOutcome> {
  return finishLogin(admin, await runFacebookDialog(emulator, admin, facebookUserId, choices));
}

/**
 * The hooks of a test file that plays Facebook's side: the emulator for the whole file (with the job
 * queue when settling a page must queue its history sync, which no worker runs here), a fresh world
 * and database before each test. Read `emulator` and `fb` inside tests and later hooks.
 */
export function facebookEmulatorHooks(options: { jobQueue?: boolean } = {}) {
  const state = {} as { emulator: MetaEmulator; fb: ReturnType<typeof facebookWorld> };
  beforeAll(async () => {
    state.emulator = await startAppEmulator();
    if (options.jobQueue) await startJobQueue();
  });
  afterAll(async () => {
    if (options.jobQueue) await stopJobQueue();
    await state.emulator.close();
  });
  beforeEach(async () => {
    state.emulator.resetWorld();
    state.fb = facebookWorld(state.emulator);
    await resetDatabase();
  });
  return state;
}
