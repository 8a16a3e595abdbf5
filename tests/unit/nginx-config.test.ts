// deploy/nginx.conf as `npm run cluster` renders it: every placeholder filled, one upstream line per
// process with its passive health check, and a template mistake caught before nginx starts.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderNginxConfig } from "@/lib/cluster/nginx";

const template = readFileSync("deploy/nginx.conf", "utf8");

describe("deploy/nginx.conf", () => {
  it("fills every placeholder: the port, a folder of its own and one server line per process", () => {
    const config = renderNginxConfig(template, { runtimeDir: "/srv/chat/nginx", port: 8080, upstreams: ["10.0.0.1:3001", "10.0.0.2:3001"] });
    expect(config).not.toMatch(/\{\{/);
    expect(config).toContain("listen 8080;");
    expect(config).toContain("pid /srv/chat/nginx/nginx.pid;");
    expect(config).toContain("server 10.0.0.1:3001 max_fails=2 fail_timeout=10s;");
    expect(config).toContain("server 10.0.0.2:3001 max_fails=2 fail_timeout=10s;");
  });

  it("routes by the client's cookie, not its address, and passes WebSocket upgrades", () => {
    const config = renderNginxConfig(template, { runtimeDir: "/tmp/x", port: 80, upstreams: ["127.0.0.1:3001"] });
    expect(config).toContain("hash $route_key consistent;");
    expect(config).not.toMatch(/^\s*ip_hash;/m);
    expect(config).toContain("proxy_set_header Upgrade $http_upgrade;");
  });

  it("refuses a template with a placeholder it does not know", () => {
    expect(() => renderNginxConfig("listen {{PORT}};", { runtimeDir: "/tmp/x", port: 80, upstreams: [] })).toThrow(/PORT/);
  });
});
