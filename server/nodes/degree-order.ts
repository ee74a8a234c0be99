import neo4j from 'neo4j-driver';
import { compose, loadCypher } from '../neo4j/cypher.js';
import type { Database } from '../neo4j/database.js';
import { name } from '../neo4j/names.js';

const cypher = loadCypher(
  'nodes/degree-order-closed',
  'nodes/degree-order-index-fits',
  'nodes/degree-order-write',
  'nodes/degree-order-index',
  'nodes/degree-order-drop-index',
  'nodes/await-indexes',
);

/**
 * The name of the stored degree order's index, written here only: the catalog finds the order's label by it
 * (graph/node-indexes.cypher reads it as a parameter).
 */
export const degreeOrderIndex = 'entente_degree_order';

/** Nodes written per transaction: the embedded database caps one transaction's memory. */
const batchSize = 20_000;

/**
 * Stores on every node of `label` its degree (`_entente_degree`, with the stamp it holds under), with the
 * index that walks them most-connected first, so that a supernode's neighbours page reads its neighbours in
 * that order instead of counting each one's degree (nodes/stored-order-page.cypher). For loaders: run after
 * their writes. The label must be closed (no relationship leaves it), since the order walks only its nodes.
 * A database has one such order. Pages are counted again as soon as the database's relationship count or
 * the label's node count changes, and read in the order again once this has run again.
 */
export async function writeDegreeOrder(db: Database, label: string): Promise<void> {
  const slots = { label: name(label) };
  const closed = await db.read<{ closed: boolean }>(compose(cypher['nodes/degree-order-closed'], slots));
  if (closed.records[0]?.get('closed') !== true) {
    throw new Error(`Cannot store a degree order for ${label}: some of its nodes have neighbours outside it`);
  }
  const index = await db.read<{ fits: boolean }>(cypher['nodes/degree-order-index-fits'], {
    label,
    index: degreeOrderIndex,
  });
  if (index.records[0]?.get('fits') === false) {
    await db.write(compose(cypher['nodes/degree-order-drop-index'], { index: name(degreeOrderIndex) }));
  }
  const write = compose(cypher['nodes/degree-order-write'], slots);
  while (Number((await db.write(write, { batch: neo4j.int(batchSize) })).records[0]?.get('written')) > 0);
  await db.write(compose(cypher['nodes/degree-order-index'], { ...slots, index: name(degreeOrderIndex) }));
  await db.write(cypher['nodes/await-indexes']);
}
