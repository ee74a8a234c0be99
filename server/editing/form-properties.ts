import neo4j from 'neo4j-driver';
import { loadCypher } from '../neo4j/cypher.js';
import type { Editing } from './editing.js';

const cypher = loadCypher('editing/label-properties', 'editing/type-properties');

/** The properties nodes of a label (or relationships of a type) already have: what a form for a new one offers. */
export async function formProperties(editing: Editing, query: { label?: string; type?: string }) {
  const { records } =
    query.label !== undefined
      ? await editing.db.read(cypher['editing/label-properties'], {
          label: (await editing.catalog.requireLabels([query.label], 'label'))[0],
        })
      : await editing.db.read(cypher['editing/type-properties'], {
          type: (await editing.catalog.requireRelationshipTypes([query.type!], 'type'))[0],
        });
  return {
    properties: records.map((record) => ({
      key: record.get('key') as string,
      kinds: record.get('kinds') as string[],
      count: neo4j.integer.toNumber(record.get('count') as number),
    })),
  };
}
