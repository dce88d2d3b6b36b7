import type { FastifyInstance, FastifyRequest } from "fastify";
import { SlugIdParams, SlugParams } from "../../../shared/contracts/common.ts";
import {
  AdviceEventInput,
  CastBallotInput,
  ConsentEventInput,
  CreateProposalInput,
  ElectionEventInput,
  ProposalDto,
  ProposalListDto,
  ProposalListQuery,
  ProxyInput,
  RecountDto,
} from "../../../shared/contracts/proposals.ts";
import type { Db } from "../../db/client.ts";
import { consortiumCtx } from "../../http/auth.ts";
import { ApiErrorSchema, errorResponses, typed } from "../../http/route-helpers.ts";
import { adviceStep } from "./proposals.advice.ts";
import { consentStep } from "./proposals.consent.ts";
import { electionStep } from "./proposals.election.ts";
import * as service from "./proposals.service.ts";
import { castBallot, closeProposalVote, giveProxy, recountProposal } from "./proposals.vote.ts";

const base = "/api/consortia/:slug/governance/proposals";
/** 409: the proposal is not in a state that allows this (a closed vote, a round not finished…); `message` says why. */
const withConflict = { ...errorResponses, 409: ApiErrorSchema };

/** Proposals decided by the method chosen for each (module `governance`). */
export function registerProposalRoutes(fastify: FastifyInstance, deps: { db: Db }) {
  const app = typed(fastify);
  const tags = ["governance"];
  const { db } = deps;
  const ctx = (req: FastifyRequest) => consortiumCtx(req, db, (req.params as { slug: string }).slug);

  app.get(base, {
    schema: { tags, params: SlugParams, querystring: ProposalListQuery, response: { 200: ProposalListDto, ...errorResponses } },
    handler: async (req) => service.listProposals(await ctx(req), req.query),
  });
  app.post(base, {
    schema: { tags, params: SlugParams, body: CreateProposalInput, response: { 201: ProposalDto, ...errorResponses } },
    handler: async (req, reply) => reply.status(201).send(await service.createProposal(await ctx(req), req.body)),
  });
  app.get(`${base}/:id`, {
    schema: { tags, params: SlugIdParams, response: { 200: ProposalDto, ...errorResponses } },
    handler: async (req) => service.getProposal(await ctx(req), req.params.id),
  });
  app.post(`${base}/:id/open`, {
    schema: {
      tags,
      summary: "Open a draft: a vote freezes its electorate, a consent decision opens its clarification round",
      params: SlugIdParams,
      response: { 200: ProposalDto, ...withConflict },
    },
    handler: async (req) => service.openProposal(await ctx(req), req.params.id),
  });
  app.post(`${base}/:id/withdraw`, {
    schema: { tags, params: SlugIdParams, response: { 200: ProposalDto, ...withConflict } },
    handler: async (req) => service.withdrawProposal(await ctx(req), req.params.id),
  });
  app.post(`${base}/:id/ballots`, {
    schema: {
      tags,
      summary: "Cast a ballot: one's own, as a proxy holder, or recorded in session; a secret ballot cannot change",
      params: SlugIdParams,
      body: CastBallotInput,
      response: { 200: ProposalDto, ...withConflict },
    },
    handler: async (req) => castBallot(await ctx(req), req.params.id, req.body),
  });
  app.post(`${base}/:id/proxies`, {
    schema: {
      tags,
      summary: "An absent member asks another member of the body to vote for them, within the body's limit",
      params: SlugIdParams,
      body: ProxyInput,
      response: { 200: ProposalDto, ...withConflict },
    },
    handler: async (req) => giveProxy(await ctx(req), req.params.id, req.body),
  });
  app.post(`${base}/:id/close`, {
    schema: {
      tags,
      summary: "Close the vote and count it for good; an adopted proposal goes into the decision register",
      params: SlugIdParams,
      response: { 200: ProposalDto, ...withConflict },
    },
    handler: async (req) => closeProposalVote(await ctx(req), req.params.id),
  });
  app.get(`${base}/:id/recount`, {
    schema: {
      tags,
      summary: "Count a closed vote again from its stored record and say whether it gives the stored result",
      params: SlugIdParams,
      response: { 200: RecountDto, ...withConflict },
    },
    handler: async (req) => recountProposal(await ctx(req), req.params.id),
  });
  app.post(`${base}/:id/consent`, {
    schema: {
      tags,
      summary: "One step of a decision by consent: a question, a reaction, an objection, a round closed…",
      params: SlugIdParams,
      body: ConsentEventInput,
      response: { 200: ProposalDto, ...withConflict },
    },
    handler: async (req) => consentStep(await ctx(req), req.params.id, req.body),
  });
  app.post(`${base}/:id/election`, {
    schema: {
      tags,
      summary: "One step of an election without candidates: a nomination, a change, the proposal, a consent or objection…",
      params: SlugIdParams,
      body: ElectionEventInput,
      response: { 200: ProposalDto, ...withConflict },
    },
    handler: async (req) => electionStep(await ctx(req), req.params.id, req.body),
  });
  app.post(`${base}/:id/advice`, {
    schema: {
      tags,
      summary: "One step of an advice process: a request, a piece of advice, an answer, the author's decision…",
      params: SlugIdParams,
      body: AdviceEventInput,
      response: { 200: ProposalDto, ...withConflict },
    },
    handler: async (req) => adviceStep(await ctx(req), req.params.id, req.body),
  });
}
