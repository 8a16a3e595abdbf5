// Runs async work one at a time per key, in call order, within this process. Reply delivery uses it
// so a conversation's replies leave in the order they were written and the same message is never
// in flight twice. (The product runs as one process: server.ts hosts the app and its workers.)
const holder = globalThis as unknown as { __serialByKey?: Map<string, Promise<void>> };

export function serialByKey<T>(key: string, work: () => Promise<T>): Promise<T> {
  const chains = (holder.__serialByKey ??= new Map());
  const previous = chains.get(key) ?? Promise.resolve();
  const run = previous.then(work);
  const tail = run.then(
    () => undefined,
    () => undefined,
  );
  chains.set(key, tail);
  void tail.then(() => {
    if (chains.get(key) === tail) chains.delete(key);
  });
  return run;
}
