// What the seeded benchmarks (inbox-queries, message-search) share: SQL run step by step with its
// time logged, Vietnamese names, the workspace with its admin and agents, and those staff as the
// session users the timed lib functions take. PostgreSQL does the seeding (generate_series INSERTs).
import type pg from "pg";
import type { SessionUser } from "../../lib/auth/session-token";

export const FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"];
export const GIVEN = ["An", "Bình", "Cúc", "Dũng", "Hà", "Hải", "Hạnh", "Hương", "Khánh", "Lan", "Linh", "Long", "Mai", "Minh", "Nam", "Nga", "Phúc", "Quỳnh", "Sơn", "Tâm", "Thảo", "Trang", "Tuấn", "Vân", "Yến"];

/** A PostgreSQL array literal of the strings, quoted. */
export const sqlArray = (values: string[]) => `ARRAY[${values.map((value) => `'${value.replaceAll("'", "''")}'`).join(",")}]`;

/** Runs one seeding statement (or several) and logs how long it took. */
export function timedSteps(client: pg.Client, log: (line: string) => void) {
  return async (label: string, sql: string) => {
    const started = performance.now();
    await client.query(sql);
    log(`  ${label}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  };
}

/** Workspace w1 with its admin u0 and agents u1…u`agents` (staff<n>@bench.vn, "Nhân viên <n>"). */
export const staffSql = (agents: number) => `
    INSERT INTO "Workspace"(id, name) VALUES ('w1', 'Bench shop');
    INSERT INTO "User"(id, "workspaceId", email, "passwordHash", name, role, "updatedAt")
      SELECT 'u' || n, 'w1', 'staff' || n || '@bench.vn', 'x', 'Nhân viên ' || n, CASE WHEN n = 0 THEN 'admin' ELSE 'agent' END::"UserRole", now()
      FROM generate_series(0, ${agents}) n;`;

/** The staff staffSql seeds, as signed-in users. */
export function benchStaff(agents: number): { admin: SessionUser; agents: SessionUser[] } {
  const user = (n: number): SessionUser => ({ id: `u${n}`, email: `staff${n}@bench.vn`, name: `Nhân viên ${n}`, role: n === 0 ? "admin" : "agent", workspaceId: "w1" });
  return { admin: user(0), agents: Array.from({ length: agents }, (_, index) => user(index + 1)) };
}
