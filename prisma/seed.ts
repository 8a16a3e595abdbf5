// `npm run db:seed`: adds the demo workspace to the configured database (idempotent).
import { prepareRuntime } from "@/lib/server/prepare-runtime";
import { describeDemoSignIn, seedDemoWorkspace } from "@/lib/demo/seed-demo-workspace";
import { disconnectDb } from "@/lib/db";

const runtime = await prepareRuntime((line) => console.log(line));
const { created } = await seedDemoWorkspace();
console.log(created > 0 ? `Created ${created} demo account(s).` : "Demo accounts already present; nothing changed.");
console.log(describeDemoSignIn());
await disconnectDb();
await runtime.embeddedDatabase?.stop();
