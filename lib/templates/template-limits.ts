// A template's limits, apart from its zod schemas: the browser's template editor counts against
// them, and a zod object built in the browser trips the page's Content-Security-Policy (zod's JIT
// probes `new Function`).
/** Longer than any quick answer needs, and within every platform's text limit (Messenger's 2,000). */
export const TEMPLATE_TEXT_MAX = 2000;
export const TEMPLATE_SHORTCUT_MAX = 30;
/** A few product photos or a price list; each goes as its own message on Messenger. */
export const TEMPLATE_ATTACHMENTS_MAX = 5;
