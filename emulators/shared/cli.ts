// What an emulator's command line does around starting it: read its settings from the environment
// (saying what is wrong and exiting when they are not usable) and close it cleanly on Ctrl-C or a stop.
import type { z } from "zod";

export function envOrExit<Schema extends z.ZodType>(schema: Schema): z.output<Schema> {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`${issue.path.join(".")}: ${issue.message}`);
    process.exit(1);
  }
  return parsed.data;
}

export function closeOnSignals(emulator: { close(): Promise<void> }): void {
  const stop = (): void => {
    void emulator.close().then(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
