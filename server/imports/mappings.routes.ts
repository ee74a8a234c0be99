import { z } from 'zod';
import { callerOf } from '../accounts/caller.js';
import { queryInteger, type ApiRoutes } from '../http/route.js';
import type { Store } from '../store/store.js';
import { savedMappingSchema } from './imports.schemas.js';
import { mappingSchema } from './mapping.js';
import { ImportMappings } from './mappings.store.js';

/** A mapping's name: letters, digits, space, `.`, `_` and `-`, starting with a letter or digit. */
export const mappingName = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9 ._-]{0,99}$/,
    'must be 1 to 100 letters, digits, spaces, . _ or -, first a letter or digit',
  );

const nameParams = z.object({ name: mappingName });
const version = z.number().int().min(1).max(1_000_000_000);
const description = z.string().max(2000).default('');

const exampleMapping = {
  nodes: { labels: ['Person'], id: 'id', caption: 'name' },
  properties: { born: 'date' },
  source: { column: 'sources' },
};
const createBody = z
  .strictObject({ name: mappingName, description, mapping: mappingSchema })
  .openapi({ example: { name: 'people', description: 'People sheet', mapping: exampleMapping } });
const updateBody = z
  .strictObject({ description, mapping: mappingSchema, version })
  .openapi({ example: { description: 'People sheet', mapping: exampleMapping, version: 1 } });

/** Saved import mappings: `/api/import-mappings` (beside `/api/imports`, whose `/:id` would take the name). */
export function importMappingRoutes(api: ApiRoutes, store: Store): ImportMappings {
  const mappings = new ImportMappings(store);

  api.add({
    method: 'get',
    path: '/import-mappings',
    tag: 'Imports',
    permission: 'import',
    summary: 'Saved import mappings, by name',
    response: z.object({ mappings: z.array(savedMappingSchema) }),
    handler: async () => ({ mappings: await mappings.list() }),
  });

  api.add({
    method: 'get',
    path: '/import-mappings/:name',
    tag: 'Imports',
    permission: 'import',
    summary: 'One saved import mapping',
    description: 'Its `mapping` is what POST /api/imports takes as `mapping` (or give `mappingName` there).',
    params: nameParams,
    response: savedMappingSchema,
    errors: [404],
    handler: async ({ params }) => mappings.get(params.name),
  });

  api.add({
    method: 'post',
    path: '/import-mappings',
    tag: 'Imports',
    permission: 'import',
    summary: 'Save a mapping under a name for reuse',
    description: 'A name already saved is a 409 (`exists`): change that one with PUT at its version.',
    body: createBody,
    status: 201,
    response: savedMappingSchema,
    errors: [409],
    handler: async ({ body, res }) => mappings.create(callerOf(res), body.name, body.description, body.mapping),
  });

  api.add({
    method: 'put',
    path: '/import-mappings/:name',
    tag: 'Imports',
    permission: 'import',
    summary: 'Change a saved mapping (at its current version)',
    description: 'A `version` other than the current one is a 409 (`stale-version`): reload, then change again.',
    params: nameParams,
    body: updateBody,
    response: savedMappingSchema,
    errors: [404, 409],
    handler: async ({ params, body, res }) =>
      mappings.update(callerOf(res), params.name, body.version, body.description, body.mapping),
  });

  api.add({
    method: 'delete',
    path: '/import-mappings/:name',
    tag: 'Imports',
    permission: 'import',
    summary: 'Delete a saved mapping (at its current version)',
    params: nameParams,
    query: z.strictObject({ version: queryInteger(1, 1_000_000_000) }),
    response: z.object({ deleted: z.literal(true) }),
    errors: [404, 409],
    handler: async ({ params, query, res }) => {
      await mappings.delete(callerOf(res), params.name, query.version);
      return { deleted: true as const };
    },
  });

  return mappings;
}
