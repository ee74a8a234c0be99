import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Node as Neo4jNode } from 'neo4j-driver';
import { z } from 'zod';
import type { Caller } from '../accounts/caller.js';
import { audit } from '../audit/audit.queries.js';
import { projectRoot } from '../config.js';
import { storedQueryParameterSchema, type QueryParameter } from '../graph/graph.schemas.js';
import { toJson } from '../graph/mapping.js';
import { ProblemError } from '../http/problem.js';
import type { Logger } from '../logger.js';
import { expandFragments, loadCypher } from '../neo4j/cypher.js';
import type { Database } from '../neo4j/database.js';
import { loadSql, type Queryable, type Store } from '../store/store.js';
import { parseQueryFile, type SavedQuery } from './saved-query.js';

const sql = loadSql(
  'saved-queries/list',
  'saved-queries/get',
  'saved-queries/lock',
  'saved-queries/create',
  'saved-queries/update',
  'saved-queries/delete',
  'saved-queries/import',
);
const cypher = loadCypher('saved-queries/list', 'saved-queries/delete-migrated', 'saved-queries/drop-constraint');

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

interface QueryRow extends Record<string, unknown> {
  id: string;
  name: string;
  description: string;
  query: string;
  parameters: unknown;
  version: number;
  owner_id: string | null;
  owner?: string | null;
}

function fromRow(row: QueryRow): SavedQuery {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    query: row.query,
    parameters: z.array(storedQueryParameterSchema).parse(row.parameters),
    version: row.version,
    origin: 'user',
    owner: row.owner ?? null,
  };
}

/** Users' saved queries, in Entente's store: only their owner or an admin changes one. */
export class UserQueryStore {
  constructor(private readonly store: Store) {}

  async list(): Promise<SavedQuery[]> {
    return (await this.store.rows<QueryRow>(sql['saved-queries/list'])).map(fromRow);
  }

  async get(id: string): Promise<SavedQuery | undefined> {
    const [row] = await this.store.rows<QueryRow>(sql['saved-queries/get'], [id]);
    return row && fromRow(row);
  }

  /** Undefined when the id is already taken. */
  async create(caller: Caller, id: string, fields: QueryFields): Promise<SavedQuery | undefined> {
    return this.store.transaction(async (tx) => {
      const [row] = await tx.rows<QueryRow>(sql['saved-queries/create'], [
        id,
        fields.name,
        fields.description,
        fields.query,
        JSON.stringify(fields.parameters),
        caller.userId ?? null,
      ]);
      if (!row) return undefined;
      const created = fromRow({ ...row, owner: caller.userId ? caller.name : null });
      await audit(tx, caller, { action: 'query.create', targetType: 'query', targetId: id, after: created });
      return created;
    });
  }

  /**
   * Changes a query at the version the caller saw. Throws 404 when it is gone, 409 on another version, 403
   * when it is someone else's and the caller is not an admin.
   */
  async update(caller: Caller, id: string, version: number, fields: QueryFields): Promise<SavedQuery> {
    return this.store.transaction(async (tx) => {
      const before = await this.lockForChange(tx, caller, id, version);
      const [row] = await tx.rows<QueryRow>(sql['saved-queries/update'], [
        id,
        fields.name,
        fields.description,
        fields.query,
        JSON.stringify(fields.parameters),
      ]);
      const after = fromRow({ ...row!, owner: before.owner });
      await audit(tx, caller, { action: 'query.update', targetType: 'query', targetId: id, before, after });
      return after;
    });
  }

  async delete(caller: Caller, id: string, version: number): Promise<void> {
    await this.store.transaction(async (tx) => {
      const before = await this.lockForChange(tx, caller, id, version);
      await tx.rows(sql['saved-queries/delete'], [id]);
      await audit(tx, caller, { action: 'query.delete', targetType: 'query', targetId: id, before });
    });
  }

  /** The row under a write lock, checked for existence, version and ownership. */
  private async lockForChange(tx: Queryable, caller: Caller, id: string, version: number): Promise<SavedQuery> {
    const [row] = await tx.rows<QueryRow>(sql['saved-queries/lock'], [id]);
    if (!row) throw ProblemError.notFound(`No saved query has the id "${id}".`);
    if (row.owner_id !== null && row.owner_id !== caller.userId && caller.role !== 'admin') {
      throw new ProblemError(
        403,
        'not-owner',
        'Not yours',
        `"${id}" belongs to another user; only they or an admin change it.`,
      );
    }
    if (row.version !== version) throw ProblemError.staleVersion(id, row.version, version);
    return fromRow(row);
  }
}

/** A saved query as an earlier Entente kept it in the graph: parameters as JSON text. */
const graphQuerySchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().default(''),
  query: z.string(),
  parameters: z.string().default('[]'),
  version: z.number().int().default(1),
});

/**
 * Moves queries saved as `_EntenteSavedQuery` nodes by earlier versions into the store, then removes the nodes
 * (and their constraint). A graph Entente may only read keeps its nodes, and the log says so.
 */
export async function migrateGraphSavedQueries(db: Database, store: Store, caller: Caller, logger: Logger) {
  const { records } = await db.read<{ q: Neo4jNode }>(cypher['saved-queries/list']);
  if (!records.length) return;
  const ids: string[] = [];
  await store.transaction(async (tx) => {
    for (const record of records) {
      const parsed = graphQuerySchema.safeParse(toJson(record.get('q').properties));
      if (!parsed.success) {
        logger.warn({ node: record.get('q').elementId }, 'A saved-query node could not be read; left in the graph');
        continue;
      }
      const query = parsed.data;
      const parameters = z
        .string()
        .transform((text, context) => {
          try {
            return JSON.parse(text) as unknown;
          } catch {
            context.addIssue({ code: 'custom', message: 'not JSON' });
            return z.NEVER;
          }
        })
        .pipe(z.array(storedQueryParameterSchema))
        .safeParse(query.parameters);
      const [row] = await tx.rows(sql['saved-queries/import'], [
        query.id,
        query.name,
        query.description,
        query.query,
        JSON.stringify(parameters.success ? parameters.data : []),
        query.version,
      ]);
      if (row)
        await audit(tx, caller, { action: 'query.migrate', targetType: 'query', targetId: query.id, after: query });
      ids.push(query.id);
    }
  });
  try {
    await db.write(cypher['saved-queries/delete-migrated'], { ids });
    await db.write(cypher['saved-queries/drop-constraint']);
    logger.info({ count: ids.length }, 'Moved saved queries from the graph into Entente’s store');
  } catch (error) {
    logger.warn(
      { err: error, count: ids.length },
      'Saved queries copied into the store; the graph refused their removal',
    );
  }
}
