// JSON the way Facebook's servers write it: non-ASCII as \uXXXX and "/" as "\/".
// Webhook signatures cover these exact bytes, so an app that re-serialises the parsed body
// (and so un-escapes "chào" or "https://") computes a different HMAC — the bug this exposes.
import type { ServerResponse } from "node:http";
import { writeJson } from "../shared/http-io";

export function facebookJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/[\u007f-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`)
    .replace(/\//g, "\\/");
}

/** Graph replies, written with Facebook's escaping. */
export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  writeJson(res, status, facebookJson(value));
}
