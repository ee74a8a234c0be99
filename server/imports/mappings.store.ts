import type { Caller } from '../accounts/caller.js';
import { audit } from '../audit/audit.queries.js';
import { ProblemError } from '../http/problem.js';
import { loadSql, type Queryable, type Store } from '../store/store.js';
import { mappingSchema, type Mapping } from './mapping.js';

const sql = loadSql(
  'import-mappings/list',
  'import-mappings/get',
  'import-mappings/lock',
  'import-mappings/create',
  'import-mappings/update',
  'import-mappings/delete',
);

interface MappingRow extends Record<string, unknown> {
  name: string;
  description: string;
  mapping: unknown;
  version: number;
  owner_name: string;
  created_at: Date;
  updated_at: Date;
}

export interface SavedMapping {
  name: string;
  description: string;
  mapping: Mapping;
  version: number;
  owner: string;
  createdAt: string;
  updatedAt: string;
}

function fromRow(row: MappingRow): SavedMapping {
  return {
    name: row.name,
    description: row.description,
    // Stored as parsed when saved; parsed again so that a default added since fills in.
    mapping: mappingSchema.parse(row.mapping),
    version: row.version,
    owner: row.owner_name,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

const notFound = (name: string) => ProblemError.notFound(`No saved mapping is named "${name}".`);

/**
 * Import mappings saved under a name, in Entente's store: any caller who may import reads, saves, changes
 * and deletes them (a change names the version it saw); every write is audited.
 */
export class ImportMappings {
  constructor(private readonly store: Store) {}

  async list(): Promise<SavedMapping[]> {
    return (await this.store.rows<MappingRow>(sql['import-mappings/list'])).map(fromRow);
  }

  /** Throws 404 when no mapping has the name. */
  async get(name: string): Promise<SavedMapping> {
    const [row] = await this.store.rows<MappingRow>(sql['import-mappings/get'], [name]);
    if (!row) throw notFound(name);
    return fromRow(row);
  }

  /** Throws 409 `exists` when the name is taken. */
  async create(caller: Caller, name: string, description: string, mapping: Mapping): Promise<SavedMapping> {
    return this.store.transaction(async (tx) => {
      const [row] = await tx.rows<MappingRow>(sql['import-mappings/create'], [
        name,
        description,
        JSON.stringify(mapping),
        caller.userId ?? null,
        caller.name,
      ]);
      if (!row) {
        throw new ProblemError(409, 'exists', 'Already exists', `A mapping named "${name}" is already saved.`);
      }
      const created = fromRow(row);
      await audit(tx, caller, {
        action: 'import-mapping.create',
        targetType: 'import-mapping',
        targetId: name,
        after: created,
      });
      return created;
    });
  }

  /** Replaces a mapping at the version the caller saw: 404 when gone, 409 `stale-version` on another. */
  async update(
    caller: Caller,
    name: string,
    version: number,
    description: string,
    mapping: Mapping,
  ): Promise<SavedMapping> {
    return this.store.transaction(async (tx) => {
      const before = await this.lock(tx, name, version);
      const [row] = await tx.rows<MappingRow>(sql['import-mappings/update'], [
        name,
        description,
        JSON.stringify(mapping),
      ]);
      const after = fromRow(row!);
      await audit(tx, caller, {
        action: 'import-mapping.update',
        targetType: 'import-mapping',
        targetId: name,
        before,
        after,
      });
      return after;
    });
  }

  async delete(caller: Caller, name: string, version: number): Promise<void> {
    await this.store.transaction(async (tx) => {
      const before = await this.lock(tx, name, version);
      await tx.rows(sql['import-mappings/delete'], [name]);
      await audit(tx, caller, {
        action: 'import-mapping.delete',
        targetType: 'import-mapping',
        targetId: name,
        before,
      });
    });
  }

  private async lock(tx: Queryable, name: string, version: number): Promise<SavedMapping> {
    const [row] = await tx.rows<MappingRow>(sql['import-mappings/lock'], [name]);
    if (!row) throw notFound(name);
    if (row.version !== version) throw ProblemError.staleVersion(name, row.version, version);
    return fromRow(row);
  }
}
