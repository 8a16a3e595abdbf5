// Demo data: one workspace with an admin and three agents. Idempotent: running it again changes
// nothing that exists (passwords included), it only adds what is missing.
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";

export const DEMO_PASSWORD = "demo12345";
const DEMO_WORKSPACE_NAME = "Cửa hàng Demo";

export const demoUsers = [
  { email: "admin@demo.vn", name: "Phạm Quốc Hùng", role: "admin" },
  { email: "ha@demo.vn", name: "Nguyễn Thu Hà", role: "agent" },
  { email: "minh@demo.vn", name: "Trần Đức Minh", role: "agent" },
  { email: "lan@demo.vn", name: "Lê Thị Lan", role: "agent" },
] as const;

export async function seedDemoWorkspace(): Promise<{ created: number }> {
  const workspace =
    (await db().workspace.findFirst({ where: { name: DEMO_WORKSPACE_NAME } })) ??
    (await db().workspace.create({ data: { name: DEMO_WORKSPACE_NAME } }));
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  let created = 0;
  for (const user of demoUsers) {
    const result = await db().user.createMany({
      data: [{ ...user, workspaceId: workspace.id, passwordHash }],
      skipDuplicates: true,
    });
    created += result.count;
  }
  return { created };
}

export function describeDemoSignIn(): string {
  const lines = demoUsers.map((user) => `  ${user.role.padEnd(5)}  ${user.email.padEnd(14)}  ${DEMO_PASSWORD}`);
  return ["Demo accounts (role, email, password):", ...lines].join("\n");
}
