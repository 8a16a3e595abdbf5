// Reading request bodies and writing JSON, HTML, SVG and redirects on node:http, for every emulator.
import type { IncomingMessage, ServerResponse } from "node:http";

/** Enough for any Graph call; an emulator taking uploads passes its own limit. */
const DEFAULT_MAX_BODY_BYTES = 5 * 1024 * 1024;

export class BodyTooLargeError extends Error {}

export async function readBody(req: IncomingMessage, maxBytes = DEFAULT_MAX_BODY_BYTES): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > maxBytes) throw new BodyTooLargeError("Request body too large");
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** Graph and Zalo's OAuth accept parameters as a form or as JSON; both end up as one flat record. */
export function parseBody(raw: Buffer, contentType: string | undefined): Record<string, unknown> {
  if (raw.length === 0) return {};
  const text = raw.toString("utf8");
  if (contentType?.includes("application/x-www-form-urlencoded")) {
    return Object.fromEntries(new URLSearchParams(text));
  }
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : {};
  } catch {
    return contentType?.includes("json") ? { __invalidJson: true } : {};
  }
}

/** JSON as JSON.stringify writes it (control API replies, Zalo's answers). */
export function sendPlainJson(res: ServerResponse, status: number, value: unknown): void {
  writeJson(res, status, JSON.stringify(value));
}

/** JSON already serialised by the caller (Facebook's escaping, say). */
export function writeJson(res: ServerResponse, status: number, text: string): void {
  const body = Buffer.from(text, "utf8");
  res.writeHead(status, { "content-type": "application/json; charset=UTF-8", "content-length": body.length });
  res.end(body);
}

export function sendHtml(res: ServerResponse, status: number, html: string): void {
  const body = Buffer.from(html, "utf8");
  res.writeHead(status, { "content-type": "text/html; charset=utf-8", "content-length": body.length });
  res.end(body);
}

export function sendSvg(res: ServerResponse, svg: string): void {
  const body = Buffer.from(svg, "utf8");
  res.writeHead(200, {
    "content-type": "image/svg+xml",
    "content-length": body.length,
    "cache-control": "max-age=3600",
  });
  res.end(body);
}

export function sendRedirect(res: ServerResponse, location: string): void {
  res.writeHead(302, { location, "content-length": 0 });
  res.end();
}
