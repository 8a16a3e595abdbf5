// A label name's length limit, apart from the zod schemas: the browser's label form counts against
// it, and a zod object built in the browser trips the page's Content-Security-Policy (zod's JIT probes
// `new Function`).
/** Long enough for "Đã chốt đơn – chờ chuyển khoản"; a chip in the list shows about 20. */
export const LABEL_NAME_MAX = 40;
