import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import { SlugIdParams, SlugParams } from "../../../shared/contracts/common.ts";
import {
  AttendanceInput,
  ItemsInput,
  MeetingDto,
  MeetingInput,
  MeetingListDto,
  MinutesInput,
} from "../../../shared/contracts/meetings.ts";
import type { Db } from "../../db/client.ts";
import { consortiumCtx } from "../../http/auth.ts";
import { ApiErrorSchema, errorResponses, typed } from "../../http/route-helpers.ts";
import { ODT_MEDIA_TYPE, odtDocument } from "../../lib/odt.ts";
import * as service from "./meetings.service.ts";

const base = "/api/consortia/:slug/governance/meetings";
const withConflict = { ...errorResponses, 409: ApiErrorSchema };

/** Meetings of the bodies: order of the day, attendance and proxies, live quorum, minutes and their export. */
export function registerMeetingRoutes(fastify: FastifyInstance, deps: { db: Db }) {
  const app = typed(fastify);
  const tags = ["governance"];
  const ctx = (req: FastifyRequest) => consortiumCtx(req, deps.db, (req.params as { slug: string }).slug);

  app.get(base, {
    schema: { tags, params: SlugParams, response: { 200: MeetingListDto, ...errorResponses } },
    handler: async (req) => service.listMeetings(await ctx(req)),
  });
  app.post(base, {
    schema: {
      tags,
      summary: "Convene a meeting of a body (in the agenda when it has a place)",
      params: SlugParams,
      body: MeetingInput,
      response: { 201: MeetingDto, ...errorResponses },
    },
    handler: async (req, reply) => reply.status(201).send(await service.createMeeting(await ctx(req), req.body)),
  });
  app.get(`${base}/:id`, {
    schema: { tags, params: SlugIdParams, response: { 200: MeetingDto, ...errorResponses } },
    handler: async (req) => service.getMeeting(await ctx(req), req.params.id),
  });
  app.put(`${base}/:id`, {
    schema: { tags, params: SlugIdParams, body: MeetingInput, response: { 200: MeetingDto, ...errorResponses } },
    handler: async (req) => service.updateMeeting(await ctx(req), req.params.id, req.body),
  });
  app.delete(`${base}/:id`, {
    schema: { tags, params: SlugIdParams, response: { 204: z.null(), ...withConflict } },
    handler: async (req, reply) => {
      await service.deleteMeeting(await ctx(req), req.params.id);
      return reply.status(204).send(null);
    },
  });
  app.put(`${base}/:id/items`, {
    schema: {
      tags,
      summary: "The order of the day, in order",
      params: SlugIdParams,
      body: ItemsInput,
      response: { 200: MeetingDto, ...errorResponses },
    },
    handler: async (req) => service.setItems(await ctx(req), req.params.id, req.body),
  });
  app.put(`${base}/:id/attendance`, {
    schema: {
      tags,
      summary: "The attendance sheet with proxies; the answer carries the live quorum",
      params: SlugIdParams,
      body: AttendanceInput,
      response: { 200: MeetingDto, ...errorResponses },
    },
    handler: async (req) => service.setAttendance(await ctx(req), req.params.id, req.body),
  });
  app.put(`${base}/:id/minutes`, {
    schema: { tags, params: SlugIdParams, body: MinutesInput, response: { 200: MeetingDto, ...withConflict } },
    handler: async (req) => service.setMinutes(await ctx(req), req.params.id, req.body),
  });
  app.get(`${base}/:id/minutes.odt`, {
    schema: {
      tags,
      summary: "The minutes as an OpenDocument text",
      params: SlugIdParams,
      response: { 200: z.any(), ...errorResponses },
    },
    handler: async (req, reply) => {
      const { blocks, fileName } = await service.minutesDocument(await ctx(req), req.params.id);
      return reply
        .header("content-type", ODT_MEDIA_TYPE)
        .header("content-disposition", `attachment; filename="${fileName}"`)
        .send(odtDocument(blocks));
    },
  });
}
