import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import neo4j, { Neo4jError, type EagerResult, type Node as Neo4jNode, type RecordShape } from 'neo4j-driver';
import { z } from 'zod';
import { projectRoot } from '../config.js';
import { toJson } from '../graph/mapping.js';
import { expandFragments, loadCypher } from '../neo4j/cypher.js';
import type { Database } from '../neo4j/database.js';
import { storedQueryParameterSchema, type QueryParameter } from '../graph/graph.schemas.js';
import { parseQueryFile, type SavedQuery } from './saved-query.js';

const cypher = loadCypher(
  'saved-queries/list',
  'saved-queries/get',
  'saved-queries/create',
  'saved-queries/update',
  'saved-queries/delete',
  'saved-queries/constraint',
);

const shippedDir = path.join(projectRoot, 'cypher/queries');

/** The queries shipped as files in cypher/queries/, read once at start-up; a bad header stops start-up. */
export function loadShippedQueries(): Map<string, SavedQuery> {
  const files = readdirSync(shippedDir).filter((file) => file.endsWith('.cypher'));
  return new Map(
    files.sort().map((file) => {
      const id = file.replace(/\.cypher$/, '');
      const query = parseQueryFile(id, readFileSync(path.join(shippedDir, file), 'utf8'));
      return [id, { ...query, query: expandFragments(query.query) }];
    }),
  );
}

export interface QueryFields {
  name: string;
  description: string;
  query: string;
  parameters: QueryParameter[];
}

/** A saved query as it is stored: parameters as JSON text (Neo4j properties cannot hold lists of maps). */
const storedQuerySchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().default(''),
  query: z.string(),
  parameters: z
    .string()
    .default('[]')
    .transform((text): unknown => JSON.parse(text))
    .pipe(z.array(storedQueryParameterSchema)),
  version: z.number(),
});

function fromNode(node: Neo4jNode): SavedQuery {
  const stored = storedQuerySchema.safeParse(toJson(node.properties));
  // Not the client's mistake (a 400): the database holds a saved query Entente did not write.
  if (!stored.success) throw new Error(`Saved query node ${node.elementId} is malformed: ${stored.error.message}`);
  return { ...stored.data, origin: 'user' };
}

function toFields(fields: QueryFields) {
  // Parameters are stored as JSON text: Neo4j properties cannot hold lists of maps.
  return { ...fields, parameters: JSON.stringify(fields.parameters) };
}

/**
 * A write that waited for the node's lock behind a delete finds the node gone (EntityNotFound): it lost
 * the race like a stale version, so it answers no row rather than an error.
 */
async function lostToADelete<R extends RecordShape>(write: () => Promise<EagerResult<R>>) {
  try {
    return (await write()).records;
  } catch (error) {
    if (error instanceof Neo4jError && error.code === 'Neo.ClientError.Statement.EntityNotFound') return [];
    throw error;
  }
}

/** Users' saved queries, stored in Neo4j under a reserved label. */
export class UserQueryStore {
  private constraintReady = false;

  constructor(private readonly db: Database) {}

  async list(): Promise<SavedQuery[]> {
    const { records } = await this.db.read<{ q: Neo4jNode }>(cypher['saved-queries/list']);
    return records.map((record) => fromNode(record.get('q')));
  }

  async get(id: string): Promise<SavedQuery | undefined> {
    const { records } = await this.db.read<{ q: Neo4jNode }>(cypher['saved-queries/get'], { id });
    return records[0] && fromNode(records[0].get('q'));
  }

  /** Returns undefined when the id is already taken. */
  async create(id: string, fields: QueryFields): Promise<SavedQuery | undefined> {
    if (!this.constraintReady) {
      await this.db.write(cypher['saved-queries/constraint']);
      this.constraintReady = true;
    }
    const { records } = await this.db.write<{ q: Neo4jNode }>(cypher['saved-queries/create'], {
      id,
      fields: toFields(fields),
    });
    return records[0] && fromNode(records[0].get('q'));
  }

  /** Returns undefined when `version` is not the current one (or the query is gone). */
  async update(id: string, version: number, fields: QueryFields): Promise<SavedQuery | undefined> {
    const records = await lostToADelete(() =>
      this.db.write<{ q: Neo4jNode }>(cypher['saved-queries/update'], {
        id,
        version: neo4j.int(version),
        fields: toFields(fields),
      }),
    );
    return records[0] && fromNode(records[0].get('q'));
  }

  async delete(id: string, version: number): Promise<boolean> {
    const records = await lostToADelete(() =>
      this.db.write(cypher['saved-queries/delete'], { id, version: neo4j.int(version) }),
    );
    return Number(toJson(records[0]?.get('deleted'))) > 0;
  }
}
