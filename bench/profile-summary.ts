// Summarises a .cpuprofile (node --cpu-prof, or a benchmark's --profile): where the samples were,
// by self time per function and per package (our lib/, each node_modules package, Node's own code,
// garbage collection), so a profile can be read and quoted without DevTools.
//
//   npx tsx bench/profile-summary.ts <file.cpuprofile> [--top 25]
import { readFileSync } from "node:fs";
import { intFlag } from "./support/stats";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

const file = process.argv[2];
if (!file) throw new Error("usage: profile-summary.ts <file.cpuprofile> [--top N]");
const top = intFlag("top", 25);
const { nodes, samples, timeDeltas } = JSON.parse(readFileSync(file, "utf8")) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

const byId = new Map(nodes.map((node) => [node.id, node]));
const selfMs = new Map<number, number>();
samples.forEach((id, index) => selfMs.set(id, (selfMs.get(id) ?? 0) + (timeDeltas[index] ?? 0) / 1000));
const totalMs = [...selfMs.values()].reduce((sum, ms) => sum + ms, 0);

function packageOf({ url, functionName }: ProfileNode["callFrame"]): string {
  if (!url) return functionName.startsWith("(") ? functionName : "(native)";
  const inModules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (inModules) return inModules[1]!;
  if (url.startsWith("node:")) return "node";
  const ours = /\/(lib|bench|emulators|app|tests)\//.exec(url);
  return ours ? `${ours[1]}/` : url;
}

const sum = (entries: Array<[string, number]>) => {
  const totals = new Map<string, number>();
  for (const [key, ms] of entries) totals.set(key, (totals.get(key) ?? 0) + ms);
  return [...totals].sort((a, b) => b[1] - a[1]).slice(0, top);
};
const share = (ms: number) => `${((ms / totalMs) * 100).toFixed(1)} %`;
const entries = [...selfMs].map(([id, ms]) => [byId.get(id)!, ms] as const);

console.log(`${file}: ${Math.round(totalMs)} ms sampled`);
console.log("\nBy package (self time):");
for (const [key, ms] of sum(entries.map(([node, ms]) => [packageOf(node.callFrame), ms]))) console.log(`  ${share(ms).padStart(7)}  ${key}`);
console.log("\nBy function (self time):");
for (const [key, ms] of sum(entries.map(([node, ms]) => [`${node.callFrame.functionName || "(anonymous)"} ${node.callFrame.url.replace(/^.*node_modules\//, "").replace(/^file:\/\/.*?\/(lib|bench)\//, "$1/")}:${node.callFrame.lineNumber + 1}`, ms]))) {
  console.log(`  ${share(ms).padStart(7)}  ${key}`);
}
