import {
  AbsenceInput,
  Board,
  BoardQuery,
  BookingInput,
  CatalogWork,
  CatalogWorkInput,
  IdParam,
  LinesInput,
  MaintenanceSchedule,
  MaintenanceScheduleInput,
  PartList,
  PartListQuery,
  PriceListImportResult,
  RescheduleInput,
  ServicePost,
  ServicePostInput,
  ShowUpQuery,
  ShowUpRates,
  SlotAnswer,
  SlotQuery,
  StatusChange,
  Technician,
  TechnicianInput,
  TextRowId,
  WalkInInput,
  WorkOrder,
  Workshop,
  WorkshopUpdate,
} from "@orbit/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app";
import { invalid } from "../../platform/http/errors";
import { actorOf } from "../staff/accessControl";
import { actingAs } from "../staff/actor";
import { dealershipScope } from "../staff/scope";
import { planningBoard, showUpRates } from "./board.service";
import { book, reschedule, searchSlots } from "./bookings.service";
import {
  importPriceList,
  listParts,
  listSchedules,
  listWorks,
  saveSchedule,
  saveWork,
} from "./catalog.service";
import { decodePriceList } from "./priceList";
import {
  addLines,
  changeStatus,
  clientWorkOrders,
  getWorkOrder,
  openWalkIn,
  removeLine,
} from "./workOrders.service";
import {
  addAbsence,
  assertDealership,
  getWorkshop,
  listPosts,
  listTechnicians,
  savePost,
  saveTechnician,
  updateWorkshop,
} from "./workshop.service";

const DealershipParam = z.object({ dealershipId: TextRowId });
const DealershipQuery = z.object({ dealershipId: TextRowId });
const work = { access: { permission: "service.work" as const } };
const manage = { access: { permission: "service.manage" as const } };
const tags = ["service"];

export const serviceRoutes: FastifyPluginAsyncZod<AppContext> = async (app, { db }) => {
  // ERP price lists arrive as the file itself (text/csv), read whole: a price list is tens of MB at most.
  for (const type of ["text/csv", "application/vnd.ms-excel", "application/octet-stream"]) {
    app.addContentTypeParser(type, { parseAs: "buffer", bodyLimit: 64 * 1024 * 1024 }, (_r, body, done) =>
      done(null, body),
    );
  }

  app.get(
    "/api/service/workshops/:dealershipId",
    { schema: { tags, params: DealershipParam, response: { 200: Workshop } }, config: work },
    async (request) => {
      assertDealership(actorOf(request), request.params.dealershipId);
      return getWorkshop(db, request.params.dealershipId);
    },
  );
  app.put(
    "/api/service/workshops/:dealershipId",
    {
      schema: { tags, params: DealershipParam, body: WorkshopUpdate, response: { 200: Workshop } },
      config: manage,
    },
    async (request) => {
      const actor = actorOf(request);
      assertDealership(actor, request.params.dealershipId);
      return db.transaction((tx) =>
        updateWorkshop(tx, actingAs(actor, request.id), request.params.dealershipId, request.body),
      );
    },
  );

  app.get(
    "/api/service/posts",
    { schema: { tags, querystring: DealershipQuery, response: { 200: z.array(ServicePost) } }, config: work },
    async (request) => {
      assertDealership(actorOf(request), request.query.dealershipId);
      return listPosts(db, request.query.dealershipId);
    },
  );
  app.post(
    "/api/service/posts",
    { schema: { tags, body: ServicePostInput, response: { 200: ServicePost } }, config: manage },
    async (request) => {
      const actor = actorOf(request);
      assertDealership(actor, request.body.dealershipId);
      return db.transaction((tx) => savePost(tx, actingAs(actor, request.id), request.body));
    },
  );
  app.put(
    "/api/service/posts/:id",
    {
      schema: { tags, params: IdParam, body: ServicePostInput, response: { 200: ServicePost } },
      config: manage,
    },
    async (request) => {
      const actor = actorOf(request);
      assertDealership(actor, request.body.dealershipId);
      return db.transaction((tx) =>
        savePost(tx, actingAs(actor, request.id), request.body, request.params.id),
      );
    },
  );

  app.get(
    "/api/service/technicians",
    { schema: { tags, querystring: DealershipQuery, response: { 200: z.array(Technician) } }, config: work },
    async (request) => {
      assertDealership(actorOf(request), request.query.dealershipId);
      return listTechnicians(db, request.query.dealershipId);
    },
  );
  app.post(
    "/api/service/technicians",
    { schema: { tags, body: TechnicianInput, response: { 200: Technician } }, config: manage },
    async (request) => {
      const actor = actorOf(request);
      assertDealership(actor, request.body.dealershipId);
      return db.transaction((tx) => saveTechnician(tx, actingAs(actor, request.id), request.body));
    },
  );
  app.put(
    "/api/service/technicians/:id",
    {
      schema: { tags, params: IdParam, body: TechnicianInput, response: { 200: Technician } },
      config: manage,
    },
    async (request) => {
      const actor = actorOf(request);
      assertDealership(actor, request.body.dealershipId);
      return db.transaction((tx) =>
        saveTechnician(tx, actingAs(actor, request.id), request.body, request.params.id),
      );
    },
  );
  app.post(
    "/api/service/technicians/:id/absences",
    {
      schema: {
        tags,
        params: IdParam,
        body: AbsenceInput,
        response: { 200: z.object({ technician: Technician, jobsToMove: z.number().int() }) },
      },
      config: manage,
    },
    async (request) => {
      const actor = actorOf(request);
      return db.transaction((tx) =>
        addAbsence(tx, actingAs(actor, request.id), request.params.id, request.body, actor),
      );
    },
  );

  app.get(
    "/api/service/works",
    { schema: { tags, response: { 200: z.array(CatalogWork) } }, config: work },
    async () => listWorks(db),
  );
  app.put(
    "/api/service/works",
    { schema: { tags, body: CatalogWorkInput, response: { 200: CatalogWork } }, config: manage },
    async (request) => {
      const actor = actorOf(request);
      return db.transaction((tx) => saveWork(tx, actingAs(actor, request.id), request.body));
    },
  );

  app.get(
    "/api/service/parts",
    { schema: { tags, querystring: PartListQuery, response: { 200: PartList } }, config: work },
    async (request) => listParts(db, request.query),
  );
  app.post(
    "/api/service/parts/import",
    {
      bodyLimit: 64 * 1024 * 1024,
      schema: {
        tags,
        description:
          "Upload an ERP price list (CSV: Артикул;Наименование;Производитель;Ед.;Цена, UTF-8 or Windows-1251) as the request body with Content-Type text/csv.",
        querystring: z.object({ source: z.string().trim().min(1).max(100).default("price-list") }),
        response: { 200: PriceListImportResult },
      },
      config: manage,
    },
    async (request) => {
      if (!Buffer.isBuffer(request.body)) throw invalid("body", "send the price list as text/csv");
      const text = decodePriceList(request.body);
      const actor = actorOf(request);
      return db.transaction((tx) =>
        importPriceList(tx, actingAs(actor, request.id), text, request.query.source),
      );
    },
  );

  app.get(
    "/api/service/schedules",
    { schema: { tags, response: { 200: z.array(MaintenanceSchedule) } }, config: work },
    async () => listSchedules(db),
  );
  app.put(
    "/api/service/schedules",
    {
      schema: { tags, body: MaintenanceScheduleInput, response: { 200: MaintenanceSchedule } },
      config: manage,
    },
    async (request) => {
      const actor = actorOf(request);
      return db.transaction((tx) => saveSchedule(tx, actingAs(actor, request.id), request.body));
    },
  );

  app.get(
    "/api/service/slots",
    { schema: { tags, querystring: SlotQuery, response: { 200: SlotAnswer } }, config: work },
    async (request) => {
      const q = request.query;
      assertDealership(actorOf(request), q.dealershipId);
      return searchSlots(db, {
        dealershipId: q.dealershipId,
        vehicleId: q.vehicleId,
        works: q.works,
        channel: q.channel,
        limit: q.limit,
        ...(q.from ? { from: new Date(q.from) } : {}),
      });
    },
  );

  app.post(
    "/api/service/bookings",
    { schema: { tags, body: BookingInput, response: { 200: WorkOrder } }, config: work },
    async (request) => {
      const actor = actorOf(request);
      const b = request.body;
      assertDealership(actor, b.dealershipId);
      return db.transaction(async (tx) => {
        const booked = await book(tx, actingAs(actor, request.id), {
          dealershipId: b.dealershipId,
          partyId: b.clientId,
          vehicleId: b.vehicleId,
          works: b.works,
          channel: b.channel,
          advisorId: actor.role === "service_advisor" ? actor.userId : null,
          ...(b.at ? { at: new Date(b.at) } : {}),
          ...(b.postId ? { postId: b.postId } : {}),
          ...(b.technicianId ? { technicianId: b.technicianId } : {}),
          ...(b.note ? { summary: b.note } : {}),
        });
        return getWorkOrder(tx, actor, booked.id);
      });
    },
  );

  app.post(
    "/api/service/work-orders",
    { schema: { tags, body: WalkInInput, response: { 200: WorkOrder } }, config: work },
    async (request) => {
      const actor = actorOf(request);
      return db.transaction((tx) => openWalkIn(tx, actingAs(actor, request.id), actor, request.body));
    },
  );
  app.get(
    "/api/service/work-orders/:id",
    { schema: { tags, params: IdParam, response: { 200: WorkOrder } }, config: work },
    async (request) => getWorkOrder(db, actorOf(request), request.params.id),
  );
  app.patch(
    "/api/service/work-orders/:id/plan",
    { schema: { tags, params: IdParam, body: RescheduleInput, response: { 200: WorkOrder } }, config: work },
    async (request) => {
      const actor = actorOf(request);
      return db.transaction(async (tx) => {
        await getWorkOrder(tx, actor, request.params.id);
        await reschedule(tx, actingAs(actor, request.id), request.params.id, {
          at: new Date(request.body.at),
          ...(request.body.postId ? { postId: request.body.postId } : {}),
          ...(request.body.technicianId ? { technicianId: request.body.technicianId } : {}),
        });
        return getWorkOrder(tx, actor, request.params.id);
      });
    },
  );
  app.post(
    "/api/service/work-orders/:id/status",
    { schema: { tags, params: IdParam, body: StatusChange, response: { 200: WorkOrder } }, config: work },
    async (request) => {
      const actor = actorOf(request);
      return db.transaction((tx) =>
        changeStatus(tx, actingAs(actor, request.id), actor, request.params.id, request.body),
      );
    },
  );
  app.post(
    "/api/service/work-orders/:id/lines",
    { schema: { tags, params: IdParam, body: LinesInput, response: { 200: WorkOrder } }, config: work },
    async (request) => {
      const actor = actorOf(request);
      return db.transaction((tx) =>
        addLines(tx, actingAs(actor, request.id), actor, request.params.id, request.body),
      );
    },
  );
  app.delete(
    "/api/service/work-orders/:id/lines/:lineId",
    {
      schema: { tags, params: z.object({ id: TextRowId, lineId: TextRowId }), response: { 200: WorkOrder } },
      config: work,
    },
    async (request) => {
      const actor = actorOf(request);
      return db.transaction((tx) =>
        removeLine(tx, actingAs(actor, request.id), actor, request.params.id, request.params.lineId),
      );
    },
  );

  app.get(
    "/api/service/board",
    { schema: { tags, querystring: BoardQuery, response: { 200: Board } }, config: work },
    async (request) => {
      assertDealership(actorOf(request), request.query.dealershipId);
      return planningBoard(db, request.query.dealershipId, request.query.day);
    },
  );

  app.get(
    "/api/service/show-up",
    { schema: { tags, querystring: ShowUpQuery, response: { 200: ShowUpRates } }, config: work },
    async (request) => showUpRates(db, dealershipScope(actorOf(request)), request.query),
  );

  app.get(
    "/api/clients/:id/work-orders",
    { schema: { tags, params: IdParam, response: { 200: z.array(WorkOrder) } }, config: work },
    async (request) => clientWorkOrders(db, request.params.id),
  );
};
