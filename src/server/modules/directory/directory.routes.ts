import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { paginated, SlugIdParams, SlugParams, Uuid } from "../../../shared/contracts/common.ts";
import {
  AddPersonRoleInput,
  AddRepresentativeInput,
  CreateOrganizationInput,
  CreatePersonInput,
  CreatePlaceInput,
  CreateSpaceInput,
  EndRepresentativeInput,
  JoinInput,
  LeaveInput,
  OrganizationDto,
  OrganizationListQuery,
  PeopleListQuery,
  PersonDto,
  PlaceDto,
  SearchQuery,
  SearchResultDto,
  UpdateOrganizationInput,
  UpdatePersonInput,
  UpdatePlaceInput,
  UpdateSpaceInput,
} from "../../../shared/contracts/directory.ts";
import type { Db } from "../../db/client.ts";
import { consortiumCtx } from "../../http/auth.ts";
import { errorResponses, typed } from "../../http/route-helpers.ts";
import * as orgs from "./organizations.service.ts";
import * as peopleService from "./people.service.ts";
import * as placesService from "./places.service.ts";
import { searchDirectory } from "./search.service.ts";

const base = "/api/consortia/:slug";

/** Organisations, places, spaces, people and search: the consortium directory (module `directory`). */
export function registerDirectoryRoutes(fastify: FastifyInstance, db: Db) {
  const app = typed(fastify);
  const tags = ["directory"];

  // ---- organisations
  app.get(`${base}/organizations`, {
    schema: {
      tags,
      params: SlugParams,
      querystring: OrganizationListQuery,
      response: { 200: z.array(OrganizationDto), ...errorResponses },
    },
    handler: async (req) => orgs.listOrganizations(await consortiumCtx(req, db, req.params.slug), req.query.kind),
  });
  app.post(`${base}/organizations`, {
    schema: { tags, params: SlugParams, body: CreateOrganizationInput, response: { 201: OrganizationDto, ...errorResponses } },
    handler: async (req, reply) => {
      const dto = await orgs.createOrganization(await consortiumCtx(req, db, req.params.slug), req.body);
      return reply.status(201).send(dto);
    },
  });
  app.get(`${base}/organizations/:id`, {
    schema: { tags, params: SlugIdParams, response: { 200: OrganizationDto, ...errorResponses } },
    handler: async (req) => orgs.getOrganization(await consortiumCtx(req, db, req.params.slug), req.params.id),
  });
  app.patch(`${base}/organizations/:id`, {
    schema: { tags, params: SlugIdParams, body: UpdateOrganizationInput, response: { 200: OrganizationDto, ...errorResponses } },
    handler: async (req) => orgs.updateOrganization(await consortiumCtx(req, db, req.params.slug), req.params.id, req.body),
  });
  app.post(`${base}/organizations/:id/join`, {
    schema: {
      tags,
      summary: "Open a membership period",
      params: SlugIdParams,
      body: JoinInput,
      response: { 200: OrganizationDto, ...errorResponses },
    },
    handler: async (req) => orgs.joinConsortium(await consortiumCtx(req, db, req.params.slug), req.params.id, req.body.joinedOn),
  });
  app.post(`${base}/organizations/:id/leave`, {
    schema: {
      tags,
      summary: "Close the open membership period",
      params: SlugIdParams,
      body: LeaveInput,
      response: { 200: OrganizationDto, ...errorResponses },
    },
    handler: async (req) => orgs.leaveConsortium(await consortiumCtx(req, db, req.params.slug), req.params.id, req.body.leftOn),
  });
  app.post(`${base}/organizations/:id/representatives`, {
    schema: { tags, params: SlugIdParams, body: AddRepresentativeInput, response: { 200: OrganizationDto, ...errorResponses } },
    handler: async (req) =>
      orgs.addRepresentative(await consortiumCtx(req, db, req.params.slug), req.params.id, req.body.personId, req.body.since),
  });
  app.post(`${base}/organizations/:id/representatives/:representativeId/end`, {
    schema: {
      tags,
      params: SlugIdParams.extend({ representativeId: Uuid }),
      body: EndRepresentativeInput,
      response: { 200: OrganizationDto, ...errorResponses },
    },
    handler: async (req) =>
      orgs.endRepresentative(
        await consortiumCtx(req, db, req.params.slug),
        req.params.id,
        req.params.representativeId,
        req.body.until,
      ),
  });

  // ---- places and spaces
  app.get(`${base}/places`, {
    schema: { tags, params: SlugParams, response: { 200: z.array(PlaceDto), ...errorResponses } },
    handler: async (req) => placesService.listPlaces(await consortiumCtx(req, db, req.params.slug)),
  });
  app.post(`${base}/places`, {
    schema: { tags, params: SlugParams, body: CreatePlaceInput, response: { 201: PlaceDto, ...errorResponses } },
    handler: async (req, reply) =>
      reply.status(201).send(await placesService.createPlace(await consortiumCtx(req, db, req.params.slug), req.body)),
  });
  app.get(`${base}/places/:id`, {
    schema: { tags, params: SlugIdParams, response: { 200: PlaceDto, ...errorResponses } },
    handler: async (req) => placesService.getPlace(await consortiumCtx(req, db, req.params.slug), req.params.id),
  });
  app.patch(`${base}/places/:id`, {
    schema: { tags, params: SlugIdParams, body: UpdatePlaceInput, response: { 200: PlaceDto, ...errorResponses } },
    handler: async (req) => placesService.updatePlace(await consortiumCtx(req, db, req.params.slug), req.params.id, req.body),
  });
  app.delete(`${base}/places/:id`, {
    schema: { tags, params: SlugIdParams, response: { 204: z.null(), ...errorResponses } },
    handler: async (req, reply) => {
      await placesService.deletePlace(await consortiumCtx(req, db, req.params.slug), req.params.id);
      return reply.status(204).send(null);
    },
  });
  app.post(`${base}/places/:id/spaces`, {
    schema: { tags, params: SlugIdParams, body: CreateSpaceInput, response: { 201: PlaceDto, ...errorResponses } },
    handler: async (req, reply) =>
      reply
        .status(201)
        .send(await placesService.createSpace(await consortiumCtx(req, db, req.params.slug), req.params.id, req.body)),
  });
  app.patch(`${base}/spaces/:id`, {
    schema: { tags, params: SlugIdParams, body: UpdateSpaceInput, response: { 200: PlaceDto, ...errorResponses } },
    handler: async (req) => placesService.updateSpace(await consortiumCtx(req, db, req.params.slug), req.params.id, req.body),
  });
  app.delete(`${base}/spaces/:id`, {
    schema: { tags, params: SlugIdParams, response: { 200: PlaceDto, ...errorResponses } },
    handler: async (req) => placesService.deleteSpace(await consortiumCtx(req, db, req.params.slug), req.params.id),
  });

  // ---- people
  app.get(`${base}/people`, {
    schema: {
      tags,
      params: SlugParams,
      querystring: PeopleListQuery,
      response: { 200: paginated(PersonDto), ...errorResponses },
    },
    handler: async (req) => peopleService.listPeople(await consortiumCtx(req, db, req.params.slug), req.query),
  });
  app.post(`${base}/people`, {
    schema: { tags, params: SlugParams, body: CreatePersonInput, response: { 201: PersonDto, ...errorResponses } },
    handler: async (req, reply) =>
      reply.status(201).send(await peopleService.createPerson(await consortiumCtx(req, db, req.params.slug), req.body)),
  });
  app.get(`${base}/people/:id`, {
    schema: { tags, params: SlugIdParams, response: { 200: PersonDto, ...errorResponses } },
    handler: async (req) => peopleService.getPerson(await consortiumCtx(req, db, req.params.slug), req.params.id),
  });
  app.patch(`${base}/people/:id`, {
    schema: { tags, params: SlugIdParams, body: UpdatePersonInput, response: { 200: PersonDto, ...errorResponses } },
    handler: async (req) => peopleService.updatePerson(await consortiumCtx(req, db, req.params.slug), req.params.id, req.body),
  });
  app.delete(`${base}/people/:id`, {
    schema: { tags, params: SlugIdParams, response: { 204: z.null(), ...errorResponses } },
    handler: async (req, reply) => {
      await peopleService.deletePerson(await consortiumCtx(req, db, req.params.slug), req.params.id);
      return reply.status(204).send(null);
    },
  });
  app.post(`${base}/people/:id/roles`, {
    schema: { tags, params: SlugIdParams, body: AddPersonRoleInput, response: { 200: PersonDto, ...errorResponses } },
    handler: async (req) => peopleService.addPersonRole(await consortiumCtx(req, db, req.params.slug), req.params.id, req.body),
  });
  app.post(`${base}/people/:id/roles/:roleId/end`, {
    schema: { tags, params: SlugIdParams.extend({ roleId: Uuid }), response: { 200: PersonDto, ...errorResponses } },
    handler: async (req) =>
      peopleService.endPersonRole(await consortiumCtx(req, db, req.params.slug), req.params.id, req.params.roleId),
  });

  // ---- search
  app.get(`${base}/search`, {
    schema: { tags, params: SlugParams, querystring: SearchQuery, response: { 200: SearchResultDto, ...errorResponses } },
    handler: async (req) => ({
      q: req.query.q,
      hits: await searchDirectory(await consortiumCtx(req, db, req.params.slug), req.query.q),
    }),
  });
}
