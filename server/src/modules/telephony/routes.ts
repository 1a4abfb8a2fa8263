import {
  Call,
  CallHandover,
  CallList,
  CallScript,
  CallScriptInput,
  EscalationChain,
  EscalationChainInput,
  IdParam,
  MissedCallQuery,
  PbxConnection,
  PbxConnectionCreated,
  PbxConnectionInput,
  PointsLeaderboard,
  PointsRule,
  PointsRuleInput,
  PointsStatement,
  PointsStatementQuery,
  ScriptStepTick,
  SimulatedCall,
} from "@orbit/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app";
import { forbidden } from "../../platform/http/errors";
import { actorOf } from "../staff/accessControl";
import { actingAs } from "../staff/actor";
import { can } from "../staff/permissions";
import { getCall, handOver, linkClient, missedCalls, myLiveCalls, tickScriptStep } from "./calls.service";
import {
  createPbx,
  listChains,
  listPbx,
  listRules,
  listScripts,
  saveChain,
  saveRule,
  saveScript,
} from "./config.service";
import { pointsLeaderboard, pointsStatement } from "./points.service";
import { openRecording } from "./recordings.service";
import { simulateIncoming, simulateNext } from "./simulator.service";

const tags = ["telephony"];

export const telephonyRoutes: FastifyPluginAsyncZod<AppContext> = async (app, { db }) => {
  const work = { access: { permission: "tasks.work" as const } };
  const manage = { access: { permission: "telephony.manage" as const } };

  app.get(
    "/api/calls/live",
    { schema: { tags, response: { 200: z.array(Call) } }, config: work },
    async (request) => myLiveCalls(db, actorOf(request)),
  );
  app.get(
    "/api/calls/missed",
    { schema: { tags, querystring: MissedCallQuery, response: { 200: CallList } }, config: work },
    async (request) => missedCalls(db, actorOf(request), request.query),
  );
  app.get(
    "/api/calls/:id",
    { schema: { tags, params: IdParam, response: { 200: Call } }, config: work },
    async (request) => getCall(db, actorOf(request), request.params.id),
  );
  app.post(
    "/api/calls/:id/script",
    { schema: { tags, params: IdParam, body: ScriptStepTick, response: { 200: Call } }, config: work },
    async (request) => {
      const actor = actorOf(request);
      return db.transaction((tx) =>
        tickScriptStep(tx, actor, actingAs(actor, request.id), request.params.id, request.body),
      );
    },
  );
  app.post(
    "/api/calls/:id/handover",
    {
      schema: {
        tags,
        params: IdParam,
        body: CallHandover,
        response: { 200: z.object({ call: Call, points: z.number().int() }) },
      },
      config: work,
    },
    async (request) => {
      const actor = actorOf(request);
      return db.transaction((tx) =>
        handOver(tx, actor, actingAs(actor, request.id), request.params.id, request.body),
      );
    },
  );
  app.post(
    "/api/calls/:id/client",
    {
      schema: {
        tags,
        params: IdParam,
        body: z.object({ clientId: z.number().int().positive() }),
        response: { 200: Call },
      },
      config: work,
    },
    async (request) => {
      const actor = actorOf(request);
      return db.transaction((tx) =>
        linkClient(tx, actor, actingAs(actor, request.id), request.params.id, request.body.clientId),
      );
    },
  );

  app.get(
    "/api/recordings/:id",
    { schema: { tags, params: IdParam }, config: { access: { permission: "calls.listen" } } },
    async (request, reply) => {
      const actor = actorOf(request);
      const rec = await db.transaction((tx) =>
        openRecording(tx, actor, actingAs(actor, request.id), request.params.id),
      );
      reply.header("content-type", rec.contentType).header("cache-control", "private, no-store");
      if (rec.length !== null) reply.header("content-length", rec.length);
      return reply.send(rec.body);
    },
  );

  app.get(
    "/api/telephony/chains",
    { schema: { tags, response: { 200: z.array(EscalationChain) } }, config: manage },
    async () => listChains(db),
  );
  app.post(
    "/api/telephony/chains",
    { schema: { tags, body: EscalationChainInput, response: { 200: EscalationChain } }, config: manage },
    async (request) => {
      const actor = actorOf(request);
      return db.transaction((tx) => saveChain(tx, actingAs(actor, request.id), null, request.body));
    },
  );
  app.put(
    "/api/telephony/chains/:id",
    {
      schema: { tags, params: IdParam, body: EscalationChainInput, response: { 200: EscalationChain } },
      config: manage,
    },
    async (request) => {
      const actor = actorOf(request);
      return db.transaction((tx) =>
        saveChain(tx, actingAs(actor, request.id), request.params.id, request.body),
      );
    },
  );

  app.get(
    "/api/telephony/scripts",
    { schema: { tags, response: { 200: z.array(CallScript) } }, config: work },
    async () => listScripts(db),
  );
  app.post(
    "/api/telephony/scripts",
    { schema: { tags, body: CallScriptInput, response: { 200: CallScript } }, config: manage },
    async (request) => {
      const actor = actorOf(request);
      return db.transaction((tx) => saveScript(tx, actingAs(actor, request.id), null, request.body));
    },
  );
  app.put(
    "/api/telephony/scripts/:id",
    {
      schema: { tags, params: IdParam, body: CallScriptInput, response: { 200: CallScript } },
      config: manage,
    },
    async (request) => {
      const actor = actorOf(request);
      return db.transaction((tx) =>
        saveScript(tx, actingAs(actor, request.id), request.params.id, request.body),
      );
    },
  );

  app.get(
    "/api/points/rules",
    { schema: { tags, response: { 200: z.array(PointsRule) } }, config: work },
    async () => listRules(db),
  );
  app.post(
    "/api/points/rules",
    { schema: { tags, body: PointsRuleInput, response: { 200: PointsRule } }, config: manage },
    async (request) => {
      const actor = actorOf(request);
      return db.transaction((tx) => saveRule(tx, actingAs(actor, request.id), null, request.body));
    },
  );
  app.put(
    "/api/points/rules/:id",
    {
      schema: { tags, params: IdParam, body: PointsRuleInput, response: { 200: PointsRule } },
      config: manage,
    },
    async (request) => {
      const actor = actorOf(request);
      return db.transaction((tx) =>
        saveRule(tx, actingAs(actor, request.id), request.params.id, request.body),
      );
    },
  );
  app.get(
    "/api/points/statement",
    { schema: { tags, querystring: PointsStatementQuery, response: { 200: PointsStatement } }, config: work },
    async (request) => {
      const actor = actorOf(request);
      const userId = request.query.userId ?? actor.userId;
      // One's own statement is open to everyone; another's to the contact centre's management.
      if (userId !== actor.userId && !can(actor.role, "telephony.manage")) throw forbidden();
      return pointsStatement(db, userId, request.query.month);
    },
  );
  app.get(
    "/api/points/leaderboard",
    {
      schema: {
        tags,
        querystring: PointsStatementQuery.pick({ month: true }),
        response: { 200: PointsLeaderboard },
      },
      config: manage,
    },
    async (request) => pointsLeaderboard(db, request.query.month),
  );

  app.get(
    "/api/telephony/pbx",
    { schema: { tags, response: { 200: z.array(PbxConnection) } }, config: manage },
    async () => listPbx(db),
  );
  app.post(
    "/api/telephony/pbx",
    { schema: { tags, body: PbxConnectionInput, response: { 200: PbxConnectionCreated } }, config: manage },
    async (request) => {
      const actor = actorOf(request);
      return db.transaction((tx) => createPbx(tx, actingAs(actor, request.id), request.body));
    },
  );

  app.post(
    "/api/telephony/simulate",
    {
      schema: { tags, body: SimulatedCall, response: { 200: z.object({ callId: z.number().int() }) } },
      config: work,
    },
    async (request) => ({ callId: await db.transaction((tx) => simulateIncoming(tx, request.body)) }),
  );
  app.post(
    "/api/telephony/simulate/:id/:action",
    {
      schema: {
        tags,
        params: IdParam.extend({ action: z.enum(["answer", "end"]) }),
        response: { 200: z.object({ ok: z.boolean() }) },
      },
      config: work,
    },
    async (request) => {
      await db.transaction((tx) => simulateNext(tx, request.params.id, request.params.action));
      return { ok: true };
    },
  );
};
