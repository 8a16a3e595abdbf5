// The security headers the app answers with: the static ones every response carries (set by the
// custom server, which sees every response, redirects and API answers included) and the pages'
// Content-Security-Policy, which carries a per-request nonce and is therefore made in proxy.ts.

export const STATIC_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "X-Content-Type-Options": "nosniff",
  // Nothing in the app uses these; a script that got in still cannot reach them.
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
};

/** For answers that are not pages (API JSON, redirects of API routes): they load nothing. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * Where the platforms serve profile pictures and attachments: Facebook's CDNs (Graph API
 * `profile_pic`, attachment `url`) and Zalo's (user detail `avatars`, attachment `payload.url`).
 */
const PLATFORM_MEDIA_SOURCES = ["https://*.fbcdn.net", "https://*.fbsbx.com", "https://*.zadn.vn"];

export interface PagePolicyOptions {
  nonce: string;
  appUrl: string;
  /** Each platform's API and login bases: the real ones, or the emulators', which serve the demo's images. */
  platformUrls: string[];
  dev: boolean;
}

export function pageContentSecurityPolicy({ nonce, appUrl, platformUrls, dev }: PagePolicyOptions): string {
  const app = new URL(appUrl);
  // 'self' covers same-origin WebSockets in current browsers; the explicit ws(s) origin is for older ones.
  const socketOrigin = `${app.protocol === "https:" ? "wss:" : "ws:"}//${app.host}`;
  const media = ["'self'", "data:", "blob:", ...PLATFORM_MEDIA_SOURCES, ...new Set(platformUrls.map((url) => new URL(url).origin))];
  const directives = [
    "default-src 'self'",
    // 'strict-dynamic': the scripts Next loads (nonce-carrying) may load their chunks. React's
    // development build needs eval for its error overlays; production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // React writes style attributes (positions, sizes); those cannot carry a nonce.
    "style-src 'self' 'unsafe-inline'",
    `img-src ${media.join(" ")}`,
    `media-src ${media.join(" ")}`,
    "font-src 'self' data:",
    `connect-src 'self' ${socketOrigin}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(app.protocol === "https:" ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}
