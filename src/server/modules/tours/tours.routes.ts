import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import { SlugIdParams, SlugParams, Uuid } from "../../../shared/contracts/common.ts";
import {
  CancelRegistrationInput,
  CancelResultDto,
  CreateTourInput,
  PublicTourDto,
  RegistrationInput,
  RegistrationListDto,
  RegistrationResultDto,
  TourDayInput,
  TourDto,
  TourListDto,
  TravelInput,
  UpdateTourInput,
} from "../../../shared/contracts/tours.ts";
import type { Db } from "../../db/client.ts";
import { consortiumCtx } from "../../http/auth.ts";
import { ApiErrorSchema, errorResponses, typed } from "../../http/route-helpers.ts";
import type { Mailer } from "../../lib/mailer.ts";
import * as guests from "./tours.guests.ts";
import * as read from "./tours.read.ts";
import * as service from "./tours.service.ts";

const base = "/api/consortia/:slug/tours";
const withConflict = { ...errorResponses, 409: ApiErrorSchema };
const DayParams = SlugIdParams.extend({ dayId: Uuid });
const RegistrationParams = SlugIdParams.extend({ registrationId: Uuid });
const PublicParams = z.object({ slug: z.string().min(1).max(80), id: Uuid });
const publicErrors = { 404: ApiErrorSchema, 409: ApiErrorSchema, 422: ApiErrorSchema, 429: ApiErrorSchema };
/** Guests sign up without an account: a tighter limit than the API's keeps the form from being flooded. */
const signupLimit = { rateLimit: { max: 20, timeWindow: "1 minute" } };

/** The learning tour: days of visits ordered by the itinerary planner, and guests signing up publicly. */
export function registerTourRoutes(fastify: FastifyInstance, deps: { db: Db; mailer: Mailer; publicUrl: string }) {
  const app = typed(fastify);
  const tags = ["tours"];
  const { db, mailer, publicUrl } = deps;
  const ctx = (req: FastifyRequest) => consortiumCtx(req, db, (req.params as { slug: string }).slug);

  app.get(base, {
    schema: { tags, params: SlugParams, response: { 200: TourListDto, ...errorResponses } },
    handler: async (req) => read.listTours(await ctx(req)),
  });
  app.post(base, {
    schema: {
      tags,
      summary: "Create a tour; its organiser is a member organisation or the host of a rotation's turn",
      params: SlugParams,
      body: CreateTourInput,
      response: { 201: TourDto, ...withConflict },
    },
    handler: async (req, reply) => reply.status(201).send(await service.createTour(await ctx(req), mailer, req.body)),
  });
  app.get(`${base}/:id`, {
    schema: { tags, params: SlugIdParams, response: { 200: TourDto, ...errorResponses } },
    handler: async (req) => read.getTour(await ctx(req), req.params.id),
  });
  app.put(`${base}/:id`, {
    schema: { tags, params: SlugIdParams, body: UpdateTourInput, response: { 200: TourDto, ...errorResponses } },
    handler: async (req) => service.updateTour(await ctx(req), mailer, req.params.id, req.body),
  });
  app.delete(`${base}/:id`, {
    schema: {
      tags,
      summary: "Call the tour off; its guests are told",
      params: SlugIdParams,
      response: { 204: z.null(), ...errorResponses },
    },
    handler: async (req, reply) => {
      await service.deleteTour(await ctx(req), mailer, req.params.id);
      return reply.status(204).send(null);
    },
  });
  app.post(`${base}/:id/days`, {
    schema: {
      tags,
      summary: "Add a day of visits; its stops are ordered at once",
      params: SlugIdParams,
      body: TourDayInput,
      response: { 201: TourDto, ...errorResponses },
    },
    handler: async (req, reply) => reply.status(201).send(await service.addDay(await ctx(req), req.params.id, req.body)),
  });
  app.put(`${base}/:id/days/:dayId`, {
    schema: { tags, params: DayParams, body: TourDayInput, response: { 200: TourDto, ...errorResponses } },
    handler: async (req) => service.updateDay(await ctx(req), req.params.id, req.params.dayId, req.body),
  });
  app.delete(`${base}/:id/days/:dayId`, {
    schema: { tags, params: DayParams, response: { 200: TourDto, ...errorResponses } },
    handler: async (req) => service.deleteDay(await ctx(req), req.params.id, req.params.dayId),
  });
  app.put(`${base}/:id/travel`, {
    schema: {
      tags,
      summary: "Travel model: road factor, average speed and the minutes the organiser corrected",
      params: SlugIdParams,
      body: TravelInput,
      response: { 200: TourDto, ...errorResponses },
    },
    handler: async (req) => service.updateTravel(await ctx(req), req.params.id, req.body),
  });
  app.get(`${base}/:id/registrations`, {
    schema: { tags, params: SlugIdParams, response: { 200: RegistrationListDto, ...errorResponses } },
    handler: async (req) => guests.listRegistrations(await ctx(req), req.params.id),
  });
  app.delete(`${base}/:id/registrations/:registrationId`, {
    schema: {
      tags,
      summary: "Cancel a guest's sign-up; the first guest waiting takes the seat",
      params: RegistrationParams,
      response: { 200: RegistrationListDto, ...withConflict },
    },
    handler: async (req) =>
      guests.cancelRegistrationAsOrganizer(await ctx(req), mailer, req.params.id, req.params.registrationId),
  });

  // ---------------------------------------------------------------- public, no account
  app.get("/api/public/:slug/tours/:id", {
    schema: {
      tags,
      summary: "A public tour's programme and seats",
      params: PublicParams,
      response: { 200: PublicTourDto, 404: ApiErrorSchema },
    },
    handler: async (req) => guests.publicTour(db, req.params.slug, req.params.id),
  });
  app.post("/api/public/:slug/tours/:id/registrations", {
    config: signupLimit,
    schema: {
      tags,
      summary: "Sign up as a guest: confirmed while seats remain, then on the waiting list",
      params: PublicParams,
      body: RegistrationInput,
      response: { 201: RegistrationResultDto, ...publicErrors },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await guests.register(db, mailer, publicUrl, req.params.slug, req.params.id, req.body)),
  });
  app.post("/api/public/tour-registrations/cancel", {
    config: signupLimit,
    schema: {
      tags,
      summary: "A guest cancels with the secret link of their confirmation e-mail",
      body: CancelRegistrationInput,
      response: { 200: CancelResultDto, ...publicErrors },
    },
    handler: async (req) => guests.cancelByToken(db, mailer, req.body.token),
  });
}
