import type { Catalog } from './catalog.js';

/**
 * Defaults that belong to the default dataset's model, applied only where that model is present: there,
 * MENTIONED_IN links a fact's node to the Source document it is written in (provenance, never a path step
 * nor a change). On another graph a MENTIONED_IN may mean anything, and is treated like any other type.
 */
export async function provenanceTypes(catalog: Catalog): Promise<string[]> {
  const links = await catalog.links();
  const mentions = links.filter((link) => link.type === 'MENTIONED_IN');
  return mentions.length > 0 && mentions.every((link) => link.to === 'Source') ? ['MENTIONED_IN'] : [];
}
