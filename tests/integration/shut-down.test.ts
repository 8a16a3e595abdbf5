// Issue 13: /api/ready, and the order a process stops in. Ready while it takes work; on shutdown
// not ready at once and no new connections, the request being answered still gets its answer,
// background work finishes after it while sockets are still open, and then the sockets close the
// way that makes browsers reconnect elsewhere.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getReady } from "@/app/api/ready/route";
import { GET as getHealth } from "@/app/api/health/route";
import { createRealtimeServer } from "@/lib/realtime/realtime-server";
import { setRealtimeServer } from "@/lib/realtime/io";
import { inFlightRequests } from "@/lib/server/in-flight-requests";
import { setServerPhase } from "@/lib/server/server-phase";
import { shutDown } from "@/lib/server/shut-down";
import type { SessionUser } from "@/lib/auth/session-token";
import { resetDatabase } from "../support/reset-database";
import { createStaff, createWorkspace } from "../support/assignment-fixtures";
import { connected, openSocket, sessionCookie } from "../support/socket-client";
import { REALTIME_TEST_APP_ORIGIN } from "../support/realtime-test-server";

let user: SessionUser;
beforeAll(async () => {
  await resetDatabase();
  const { workspaceId } = await createWorkspace();
  [user] = (await createStaff(workspaceId, 1)) as [SessionUser];
});
afterAll(() => {
  setRealtimeServer(undefined);
  setServerPhase("starting");
});

/** A server like the app's: requests tracked, Socket.io on the same port; /slow answers when told. */
async function startApp() {
  const requests = inFlightRequests();
  let answerSlow: () => void = () => {};
  let slowArrived: () => void = () => {};
  const arrived = new Promise<void>((resolve) => (slowArrived = resolve));
  const state = { slowAnswered: false };
  const httpServer: Server = createServer((request, response) => {
    requests.track(request, response);
    if (request.url !== "/slow") return void response.end("ok");
    slowArrived();
    answerSlow = () => {
      state.slowAnswered = true;
      response.end("answered");
    };
  });
  const realtime = createRealtimeServer(httpServer, REALTIME_TEST_APP_ORIGIN);
  setRealtimeServer(realtime);
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  setServerPhase("accepting");
  const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  return { httpServer, requests, io: realtime.io, url, arrived, answerSlow: () => answerSlow(), state };
}

describe("readiness and shutdown", () => {
  it("ready while accepting work; on shutdown: not ready, requests answered, work finished, then sockets closed for a reconnect", async () => {
    const app = await startApp();
    const ready = await getReady();
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready", database: true, realtime: true, acceptingWork: true });

    const socket: Socket = await connected(openSocket(app.url, await sessionCookie(user), REALTIME_TEST_APP_ORIGIN));
    const socketClosed = new Promise<string>((resolve) => socket.on("disconnect", resolve));
    const slowResponse = fetch(`${app.url}/slow`).then((response) => response.text());
    await app.arrived;

    const steps: string[] = [];
    const stopped = shutDown({
      httpServer: app.httpServer,
      requests: app.requests,
      finishWork: async () => {
        steps.push(`work finished after the request was ${app.state.slowAnswered ? "answered" : "cut"}, with ${app.io.engine.clientsCount} socket open`);
      },
      io: app.io,
      closeRest: async () => {
        steps.push("rest closed");
      },
    });

    const notReady = await getReady();
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toMatchObject({ status: "not_ready", acceptingWork: false });
    // Liveness stays a bare "alive": the process is, until it exits.
    expect(await (await getHealth()).json()).toEqual({ status: "ok" });
    await expect(fetch(`${app.url}/another`)).rejects.toThrow();
    expect(steps).toEqual([]);
    expect(socket.connected).toBe(true);

    app.answerSlow();
    await expect(slowResponse).resolves.toBe("answered");
    await expect(socketClosed).resolves.toBe("transport close");
    await stopped;
    expect(steps).toEqual(["work finished after the request was answered, with 1 socket open", "rest closed"]);
  });
});
