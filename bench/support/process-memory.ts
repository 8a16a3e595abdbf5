// What a running process holds in memory, read from outside it: its resident set from /proc (Linux),
// and each thread's JavaScript heap from the Node.js diagnostic report that a process started with
// diagnosticReportOptions() writes on SIGUSR2 (the report covers worker threads too, which
// process.memoryUsage() inside the process does not break down).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

const toMb = (bytes: number) => Math.round(bytes / 1024 / 1024);

/** Resident memory in MB: all of it, its anonymous part (heaps, buffers, wasm) and the file-backed part (code). */
export function residentMemory(pid: number): { rssMb: number; anonymousMb: number; fileMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
  return { rssMb: Math.round(kb("VmRSS") / 1024), anonymousMb: Math.round(kb("RssAnon") / 1024), fileMb: Math.round(kb("RssFile") / 1024) };
}

/** NODE_OPTIONS that make a process write a compact report into `directory` on SIGUSR2. */
export function diagnosticReportOptions(directory: string): string {
  return `--report-on-signal --report-signal=SIGUSR2 --report-compact --report-exclude-network --report-directory=${directory}`;
}

interface HeapOfThread {
  totalMb: number;
  usedMb: number;
}

interface DiagnosticReport {
  javascriptHeap: { totalMemory: number; usedMemory: number };
  workers: Array<{ javascriptHeap: { totalMemory: number; usedMemory: number } }>;
}

const heapOf = ({ javascriptHeap }: { javascriptHeap: DiagnosticReport["javascriptHeap"] }): HeapOfThread => ({
  totalMb: toMb(javascriptHeap.totalMemory),
  usedMb: toMb(javascriptHeap.usedMemory),
});

/** Asks the process for a report (see diagnosticReportOptions) and returns the heap of its main thread and of each worker thread. */
export async function threadHeaps(pid: number, directory: string): Promise<{ main: HeapOfThread; workers: HeapOfThread[] }> {
  const before = new Set(readdirSync(directory));
  process.kill(pid, "SIGUSR2");
  for (let waited = 0; waited < 100; waited++) {
    await sleep(100);
    const file = readdirSync(directory).find((name) => !before.has(name) && name.endsWith(".json"));
    if (!file) continue;
    // The report is written in one go; a partial read fails to parse and is tried again.
    try {
      const report = JSON.parse(readFileSync(path.join(directory, file), "utf8")) as DiagnosticReport;
      return { main: heapOf(report), workers: report.workers.map(heapOf) };
    } catch {
      continue;
    }
  }
  throw new Error(`process ${pid} wrote no diagnostic report`);
}
