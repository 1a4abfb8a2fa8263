import {
  AccessoryInput,
  AppraisalInput,
  ClientDataInput,
  CreditOfferInput,
  Deal,
  DealCreate,
  DealList,
  DealListQuery,
  DealLose,
  DealProcess,
  DealUpdate,
  DocumentCreate,
  HandoffInput,
  IdParam,
  InsuranceQuoteInput,
  ProcessSave,
  TextRowId,
  TradeInVehicleInput,
} from "@orbit/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app";
import type { Db } from "../../platform/db/database";
import { actorOf } from "../staff/accessControl";
import { type ActingAs, type Actor, actingAs } from "../staff/actor";
import { assertDealScope, loadDeal } from "./dealState";
import { createDeal, startProcess, updateClientData, updateDeal } from "./deals.service";
import { dealView, getDeal, listDeals } from "./dealView.service";
import { documentPdf, issueDocument } from "./documents/documents.service";
import {
  addAccessory,
  addAppraisal,
  addCreditOffer,
  addInsuranceQuote,
  chooseCreditOffer,
  chooseInsuranceQuote,
  removeAccessory,
  setTradeInVehicle,
} from "./extras.service";
import { listProcesses, processVersions, saveProcess } from "./processes/processes.service";
import { completeStep, handOff, loseDeal } from "./steps.service";

const StepParam = z.object({ id: TextRowId, step: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/) });
const ItemParam = z.object({ id: TextRowId, itemId: TextRowId });
const deal = { schema: { tags: ["deals"] }, config: { access: { permission: "deals.work" as const } } };

export const dealRoutes: FastifyPluginAsyncZod<AppContext> = async (app, { db, matchers }) => {
  /** Runs a change in one transaction and answers with the deal as it now is. */
  const change = (
    request: { id: string; params: { id: number } },
    actor: Actor,
    fn: (tx: Db, by: ActingAs) => Promise<unknown>,
  ): Promise<Deal> =>
    db.transaction(async (tx) => {
      // Every change answers with the whole deal, so another dealership's deal is refused before any
      // change runs (an empty change would otherwise read it).
      assertDealScope(actor, await loadDeal(tx, request.params.id));
      await fn(tx, actingAs(actor, request.id));
      return dealView(tx, actor, await loadDeal(tx, request.params.id));
    });

  app.get(
    "/api/deals",
    { ...deal, schema: { ...deal.schema, querystring: DealListQuery, response: { 200: DealList } } },
    async (request) => listDeals(db, actorOf(request), request.query),
  );

  app.post(
    "/api/deals",
    { ...deal, schema: { ...deal.schema, body: DealCreate, response: { 201: Deal } } },
    async (request, reply) => {
      const actor = actorOf(request);
      const created = await db.transaction(async (tx) => {
        const { id: dealId } = await createDeal(tx, actor, actingAs(actor, request.id), request.body);
        return dealView(tx, actor, await loadDeal(tx, dealId));
      });
      return reply.status(201).send(created);
    },
  );

  app.get(
    "/api/deals/:id",
    { ...deal, schema: { ...deal.schema, params: IdParam, response: { 200: Deal } } },
    async (request) => getDeal(db, actorOf(request), request.params.id),
  );

  app.patch(
    "/api/deals/:id",
    { ...deal, schema: { ...deal.schema, params: IdParam, body: DealUpdate, response: { 200: Deal } } },
    async (request) => {
      const actor = actorOf(request);
      return change(request, actor, (tx, by) => updateDeal(tx, actor, by, request.params.id, request.body));
    },
  );

  app.post(
    "/api/deals/:id/process",
    {
      ...deal,
      schema: {
        ...deal.schema,
        params: IdParam,
        body: z.object({ processCode: z.string().min(1).max(40) }),
        response: { 200: Deal },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return change(request, actor, (tx, by) =>
        startProcess(tx, actor, by, request.params.id, request.body.processCode),
      );
    },
  );

  app.put(
    "/api/deals/:id/trade-in",
    {
      ...deal,
      schema: { ...deal.schema, params: IdParam, body: TradeInVehicleInput, response: { 200: Deal } },
    },
    async (request) => {
      const actor = actorOf(request);
      return change(request, actor, (tx, by) =>
        setTradeInVehicle(tx, actor, by, request.params.id, request.body),
      );
    },
  );

  app.post(
    "/api/deals/:id/appraisals",
    { ...deal, schema: { ...deal.schema, params: IdParam, body: AppraisalInput, response: { 200: Deal } } },
    async (request) => {
      const actor = actorOf(request);
      return change(request, actor, (tx, by) => addAppraisal(tx, actor, by, request.params.id, request.body));
    },
  );

  app.post(
    "/api/deals/:id/credit-offers",
    { ...deal, schema: { ...deal.schema, params: IdParam, body: CreditOfferInput, response: { 200: Deal } } },
    async (request) => {
      const actor = actorOf(request);
      return change(request, actor, (tx, by) =>
        addCreditOffer(tx, actor, by, request.params.id, request.body),
      );
    },
  );

  app.post(
    "/api/deals/:id/credit-offers/:itemId/choose",
    { ...deal, schema: { ...deal.schema, params: ItemParam, response: { 200: Deal } } },
    async (request) => {
      const actor = actorOf(request);
      return change(request, actor, (tx, by) =>
        chooseCreditOffer(tx, actor, by, request.params.id, request.params.itemId),
      );
    },
  );

  app.post(
    "/api/deals/:id/insurance-quotes",
    {
      ...deal,
      schema: { ...deal.schema, params: IdParam, body: InsuranceQuoteInput, response: { 200: Deal } },
    },
    async (request) => {
      const actor = actorOf(request);
      return change(request, actor, (tx, by) =>
        addInsuranceQuote(tx, actor, by, request.params.id, request.body),
      );
    },
  );

  app.post(
    "/api/deals/:id/insurance-quotes/:itemId/choose",
    { ...deal, schema: { ...deal.schema, params: ItemParam, response: { 200: Deal } } },
    async (request) => {
      const actor = actorOf(request);
      return change(request, actor, (tx, by) =>
        chooseInsuranceQuote(tx, actor, by, request.params.id, request.params.itemId),
      );
    },
  );

  app.post(
    "/api/deals/:id/accessories",
    { ...deal, schema: { ...deal.schema, params: IdParam, body: AccessoryInput, response: { 200: Deal } } },
    async (request) => {
      const actor = actorOf(request);
      return change(request, actor, (tx, by) => addAccessory(tx, actor, by, request.params.id, request.body));
    },
  );

  app.delete(
    "/api/deals/:id/accessories/:itemId",
    { ...deal, schema: { ...deal.schema, params: ItemParam, response: { 200: Deal } } },
    async (request) => {
      const actor = actorOf(request);
      return change(request, actor, (tx, by) =>
        removeAccessory(tx, actor, by, request.params.id, request.params.itemId),
      );
    },
  );

  app.patch(
    "/api/deals/:id/client",
    { ...deal, schema: { ...deal.schema, params: IdParam, body: ClientDataInput, response: { 200: Deal } } },
    async (request) => {
      const actor = actorOf(request);
      const matcher = await matchers.get(db);
      return change(request, actor, (tx, by) =>
        updateClientData(tx, actor, by, matcher, request.params.id, request.body),
      );
    },
  );

  app.post(
    "/api/deals/:id/steps/:step/handoff",
    {
      ...deal,
      schema: { ...deal.schema, params: StepParam, body: HandoffInput.nullish(), response: { 200: Deal } },
    },
    async (request) => {
      const actor = actorOf(request);
      return change(request, actor, (tx, by) =>
        handOff(tx, actor, by, request.params.id, request.params.step, request.body?.note ?? null),
      );
    },
  );

  app.post(
    "/api/deals/:id/steps/:step/complete",
    { ...deal, schema: { ...deal.schema, params: StepParam, response: { 200: Deal } } },
    async (request) => {
      const actor = actorOf(request);
      return change(request, actor, (tx, by) =>
        completeStep(tx, actor, by, request.params.id, request.params.step),
      );
    },
  );

  app.post(
    "/api/deals/:id/lose",
    { ...deal, schema: { ...deal.schema, params: IdParam, body: DealLose, response: { 200: Deal } } },
    async (request) => {
      const actor = actorOf(request);
      return change(request, actor, (tx, by) =>
        loseDeal(tx, actor, by, request.params.id, request.body.reason),
      );
    },
  );

  app.post(
    "/api/deals/:id/documents",
    { ...deal, schema: { ...deal.schema, params: IdParam, body: DocumentCreate, response: { 200: Deal } } },
    async (request) => {
      const actor = actorOf(request);
      return change(request, actor, (tx, by) =>
        issueDocument(tx, actor, by, request.params.id, request.body.kind),
      );
    },
  );

  app.get(
    "/api/deals/:id/documents/:itemId/pdf",
    { ...deal, schema: { ...deal.schema, params: ItemParam } },
    async (request, reply) => {
      const { pdf, fileName } = await documentPdf(
        db,
        actorOf(request),
        request.params.id,
        request.params.itemId,
      );
      return reply
        .header("content-type", "application/pdf")
        .header("content-disposition", `attachment; filename="${fileName}"`)
        .header("cache-control", "private, no-store")
        .send(pdf);
    },
  );

  app.get(
    "/api/deal-processes",
    {
      schema: { tags: ["deals"], response: { 200: z.array(DealProcess) } },
      config: { access: { permission: "deals.work" } },
    },
    async () => listProcesses(db),
  );

  app.get(
    "/api/deal-processes/:code/versions",
    {
      schema: {
        tags: ["deals"],
        params: z.object({ code: z.string().min(1).max(40) }),
        response: { 200: z.array(DealProcess) },
      },
      config: { access: { permission: "deals.processes" } },
    },
    async (request) => processVersions(db, request.params.code),
  );

  app.put(
    "/api/deal-processes/:code",
    {
      schema: {
        tags: ["deals"],
        params: z.object({ code: z.string().min(1).max(40) }),
        body: ProcessSave,
        response: { 200: DealProcess },
      },
      config: { access: { permission: "deals.processes" } },
    },
    async (request) =>
      db.transaction((tx) =>
        saveProcess(tx, actingAs(actorOf(request), request.id), request.params.code, request.body),
      ),
  );
};
