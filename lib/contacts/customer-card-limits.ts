// The customer card's limits, apart from its zod schemas: the browser's card counts against them,
// and a zod object built in the browser trips the page's Content-Security-Policy (zod's JIT probes
// `new Function`).
/** A full street address with ward, district and province fits with room to spare. */
export const ADDRESS_MAX_LENGTH = 300;
/** Sizes, preferences, past orders: a paragraph or two, read beside the thread. */
export const CUSTOMER_NOTES_MAX_LENGTH = 2000;
/** Enough for every number a customer gives; the newest come first, so older ones are the ones cut. */
export const DETECTED_PHONES_MAX = 10;
