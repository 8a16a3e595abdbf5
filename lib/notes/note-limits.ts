// The private note's length limit, apart from its zod schema: the browser's note composer counts
// against it, and a zod object built in the browser trips the page's Content-Security-Policy (zod's
// JIT probes `new Function`).
/** Long enough for an order summary; a note is read by colleagues in the thread, not a document. */
export const NOTE_MAX_LENGTH = 2000;
