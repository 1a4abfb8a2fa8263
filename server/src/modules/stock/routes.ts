import {
  IdParam,
  MatchRequest,
  MatchResponse,
  StockImportReport,
  StockList,
  StockListQuery,
  StockUpdate,
  StockVehicle,
} from "@orbit/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app";
import { actorOf } from "../staff/accessControl";
import { actingAs } from "../staff/actor";
import { dealershipScope } from "../staff/scope";
import { getStockVehicle, importStock, listStock, matchStock, updateStock } from "./stock.service";

export const stockRoutes: FastifyPluginAsyncZod<AppContext> = async (app, { db }) => {
  // A stock file is small (a few thousand cars): read whole, as text.
  for (const type of ["text/csv", "application/vnd.ms-excel"]) {
    app.addContentTypeParser(type, { parseAs: "string", bodyLimit: 20 * 1024 * 1024 }, (_req, body, done) =>
      done(null, body),
    );
  }

  app.get(
    "/api/stock",
    {
      schema: { tags: ["stock"], querystring: StockListQuery, response: { 200: StockList } },
      config: { access: { permission: "stock.read" } },
    },
    async (request) => listStock(db, request.query),
  );

  app.get(
    "/api/stock/:id",
    {
      schema: { tags: ["stock"], params: IdParam, response: { 200: StockVehicle } },
      config: { access: { permission: "stock.read" } },
    },
    async (request) => getStockVehicle(db, request.params.id),
  );

  app.patch(
    "/api/stock/:id",
    {
      schema: { tags: ["stock"], params: IdParam, body: StockUpdate, response: { 200: StockVehicle } },
      config: { access: { permission: "stock.manage" } },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.transaction((tx) =>
        updateStock(tx, actingAs(actor, request.id), request.params.id, request.body, dealershipScope(actor)),
      );
    },
  );

  app.post(
    "/api/stock/import",
    {
      schema: {
        tags: ["stock"],
        description:
          "Upload a stock file (CSV, UTF-8, comma or semicolon) as the request body with Content-Type text/csv. " +
          "Columns: dealership, vin, make, model, trim, year, condition, status, body_type, seats, drive, fuel, " +
          "ground_clearance_mm, comfort_class, color, mileage_km, price_rub, arrived_on (or their Russian names).",
        body: z.string().min(1, "the file is empty"),
        response: { 200: StockImportReport },
      },
      config: { access: { permission: "stock.manage" } },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.transaction((tx) =>
        importStock(tx, actingAs(actor, request.id), request.body, dealershipScope(actor)),
      );
    },
  );

  app.post(
    "/api/stock/match",
    {
      schema: { tags: ["stock"], body: MatchRequest, response: { 200: MatchResponse } },
      config: { access: { permission: "stock.read" } },
    },
    async (request) => matchStock(db, request.body.needs, request.body.limit, request.body.dealId),
  );
};
