import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import { SlugIdParams, SlugParams } from "../../../shared/contracts/common.ts";
import {
  CreateTaskInput,
  MyTasksDto,
  TaskDto,
  TaskListDto,
  TaskListQuery,
  UpdateTaskInput,
} from "../../../shared/contracts/tasks.ts";
import type { Db } from "../../db/client.ts";
import { consortiumCtx } from "../../http/auth.ts";
import { ApiErrorSchema, errorResponses, typed } from "../../http/route-helpers.ts";
import * as service from "./tasks.service.ts";
import { registerWorkloadRoutes } from "./workload.routes.ts";

const base = "/api/consortia/:slug/governance/tasks";
/** 409: the task is not in the state the action starts from (done twice, reopened while open). */
const withConflict = { ...errorResponses, 409: ApiErrorSchema };

/** Tasks, « my tasks » and the workload balance (governance, issue 5 items 6 and 7). */
export function registerTaskRoutes(fastify: FastifyInstance, deps: { db: Db }) {
  const app = typed(fastify);
  const tags = ["governance"];
  const { db } = deps;
  const ctx = (req: FastifyRequest) => consortiumCtx(req, db, (req.params as { slug: string }).slug);

  app.get(base, {
    schema: { tags, params: SlugParams, querystring: TaskListQuery, response: { 200: TaskListDto, ...errorResponses } },
    handler: async (req) => service.listTasks(await ctx(req), req.query),
  });
  app.post(base, {
    schema: { tags, params: SlugParams, body: CreateTaskInput, response: { 201: TaskDto, ...errorResponses } },
    handler: async (req, reply) => reply.status(201).send(await service.createTask(await ctx(req), req.body)),
  });
  app.get(`${base}/:id`, {
    schema: { tags, params: SlugIdParams, response: { 200: TaskDto, ...errorResponses } },
    handler: async (req) => service.getTask(await ctx(req), req.params.id),
  });
  app.patch(`${base}/:id`, {
    schema: { tags, params: SlugIdParams, body: UpdateTaskInput, response: { 200: TaskDto, ...errorResponses } },
    handler: async (req) => service.updateTask(await ctx(req), req.params.id, req.body),
  });
  app.post(`${base}/:id/done`, {
    schema: {
      tags,
      summary: "Mark a task done: its person, or whoever manages it",
      params: SlugIdParams,
      response: { 200: TaskDto, ...withConflict },
    },
    handler: async (req) => service.completeTask(await ctx(req), req.params.id),
  });
  app.post(`${base}/:id/reopen`, {
    schema: { tags, params: SlugIdParams, response: { 200: TaskDto, ...withConflict } },
    handler: async (req) => service.reopenTask(await ctx(req), req.params.id),
  });
  app.post(`${base}/:id/cancel`, {
    schema: { tags, params: SlugIdParams, response: { 200: TaskDto, ...withConflict } },
    handler: async (req) => service.cancelTask(await ctx(req), req.params.id),
  });
  app.delete(`${base}/:id`, {
    schema: { tags, params: SlugIdParams, response: { 204: z.null(), ...errorResponses } },
    handler: async (req, reply) => {
      await service.deleteTask(await ctx(req), req.params.id);
      return reply.status(204).send(null);
    },
  });
  app.get("/api/consortia/:slug/governance/my-tasks", {
    schema: {
      tags,
      summary: "The signed-in user's tasks, and for a referent those of their organisation",
      params: SlugParams,
      response: { 200: MyTasksDto, ...errorResponses },
    },
    handler: async (req) => service.myTasks(await ctx(req)),
  });
  registerWorkloadRoutes(fastify, db);
}
