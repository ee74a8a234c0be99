import type { Logger } from '../logger.js';
import { loadCypher } from '../neo4j/cypher.js';
import type { Database } from '../neo4j/database.js';
import { applySchema } from '../neo4j/schema.js';
import { readDataset } from './dataset.js';
import type { Dataset } from './dataset.schema.js';
import { loadDataset } from './load.js';

const cypher = loadCypher('seed/is-empty');

export interface PrepareOptions {
  seedIfEmpty: boolean;
}

/** Schema and default dataset, written together: `npm run seed`, and `npm start` on an empty database. */
export async function seedDatabase(db: Database): Promise<Dataset> {
  const dataset = await readDataset();
  await applySchema(db);
  await loadDataset(db, dataset);
  return dataset;
}

/**
 * Seeds an empty database. A database that already holds data (ours from an earlier start, or anyone
 * else's) is left as it is: the dataset's constraints and indexes go only into a database Entente seeds.
 */
export async function prepareDatabase(db: Database, options: PrepareOptions, logger: Logger): Promise<void> {
  const { records } = await db.read<{ empty: boolean }>(cypher['seed/is-empty']);
  if (!options.seedIfEmpty || !records[0]?.get('empty')) return;
  const dataset = await seedDatabase(db);
  logger.info(
    { nodes: dataset.nodes.length + dataset.sources.length, relationships: dataset.relationships.length },
    'Loaded the default dataset into the empty database',
  );
}
