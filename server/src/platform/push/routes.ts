import type { FastifyPluginAsync } from "fastify";
import { actorOf } from "../../modules/staff/accessControl";
import type { PushHub } from "./hub";

/**
 * GET /api/push/stream: Server-Sent Events for the signed-in employee (the session cookie
 * authenticates it like any request). A comment every 20 s keeps proxies from closing an idle stream.
 */
export function pushRoutes(hub: PushHub): FastifyPluginAsync {
  return async (app) => {
    const open = new Set<import("node:http").ServerResponse>();
    // An open stream would keep the server from closing; end them first.
    app.addHook("preClose", async () => {
      for (const res of open) res.end();
      open.clear();
    });
    app.get(
      "/api/push/stream",
      { schema: { tags: ["push"] }, config: { access: { signedIn: true } } },
      async (request, reply) => {
        const actor = actorOf(request);
        reply.hijack();
        const res = reply.raw;
        res.writeHead(200, {
          "content-type": "text/event-stream; charset=utf-8",
          "cache-control": "no-cache, no-transform",
          connection: "keep-alive",
          // nginx would otherwise buffer the stream.
          "x-accel-buffering": "no",
        });
        res.write("retry: 2000\n: connected\n\n");
        open.add(res);
        const unsubscribe = hub.subscribe(actor.userId, (event) => {
          res.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
        });
        const ping = setInterval(() => res.write(": ping\n\n"), 20_000);
        request.raw.on("close", () => {
          clearInterval(ping);
          unsubscribe();
          open.delete(res);
        });
      },
    );
  };
}
