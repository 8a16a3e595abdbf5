// Next.js replaces the global Date when it loads (next/dist/server/node-environment-extensions/date.js)
// so that its cacheComponents prerendering notices reads of the clock. This app does not enable
// cacheComponents, so the wrapper only costs: every `new Date(value)` goes through Reflect.construct
// with another new.target, which V8 does not optimise — 5 % of the CPU of an inbox list answer, whose
// rows hold three times each (docs/benchmarks.md, issue 18). server.ts imports this module before
// Next.js, so the constructor kept here is the native one; startServer puts it back once Next is up.
const nativeDate = Date;

export function restoreNativeDate(): void {
  if (globalThis.Date === nativeDate) return;
  globalThis.Date = nativeDate;
  // The wrapper also made itself the prototype's constructor: `date.constructor` must be Date again.
  Object.defineProperty(nativeDate.prototype, "constructor", { value: nativeDate, writable: true, configurable: true, enumerable: false });
}
