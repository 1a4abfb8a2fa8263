import { Message, MessageInput } from "@orbit/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../../app";
import { actorOf } from "../staff/accessControl";
import { actingAs } from "../staff/actor";
import { sendMessage } from "./messages.service";
import { providersFrom } from "./providers";

export const messageRoutes: FastifyPluginAsyncZod<AppContext> = async (app, { db, config }) => {
  const providers = providersFrom(config.messaging, app.log);
  app.post(
    "/api/messages",
    {
      schema: { tags: ["messages"], body: MessageInput, response: { 200: Message } },
      config: { access: { permission: "messages.send" } },
    },
    async (request) => {
      const actor = actorOf(request);
      return sendMessage(db, providers, actor, actingAs(actor, request.id), request.body);
    },
  );
};
