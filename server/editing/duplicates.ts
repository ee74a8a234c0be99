import neo4j, { type Node as Neo4jNode } from 'neo4j-driver';
import type { Catalog } from '../graph/catalog.js';
import { provenanceTypes } from '../graph/dataset-model.js';
import type { DuplicatesResponse } from '../graph/editing.schemas.js';
import { toApiNode } from '../graph/mapping.js';
import type { NodeIdentity } from '../graph/identity.js';
import { loadCypher } from '../neo4j/cypher.js';
import type { Database } from '../neo4j/database.js';

const cypher = loadCypher('duplicates/nodes', 'duplicates/shared-neighbours');

/** Nodes compared by name, at most: beyond, the answer says it was cut. */
const maxCompared = 50_000;
const maxSuggestions = 200;
/** Neighbours two nodes must share, at least, and a hub's size beyond which it is not walked through. */
const minimumShared = 3;
const hubSize = 500;
/** The shared-neighbour search is the costly part: past this, suggestions come from names alone. */
const neighbourSearchMs = 5_000;

/** Words that say what kind of company a name is, not which: "Inc.", "LLC", "SA", "GmbH"… */
const legalSuffixes = new Set([
  'inc',
  'incorporated',
  'llc',
  'lc',
  'ltd',
  'limited',
  'corp',
  'corporation',
  'co',
  'company',
  'plc',
  'sa',
  'sas',
  'sarl',
  'spa',
  'srl',
  'gmbh',
  'ag',
  'bv',
  'nv',
  'lp',
  'llp',
  'pte',
  'pty',
  'ab',
  'oy',
  'kk',
  'se',
]);

/**
 * A name with what does not tell two names apart set aside: accents, case, punctuation (dotted
 * abbreviations closed up: "S.A." is "sa"), legal suffixes and word order. "OpenAI, Inc." and "Inc OpenAI"
 * give the same key; a name that is only a suffix keeps it.
 */
export function nameKey(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\./g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  const kept = words.filter((word) => !legalSuffixes.has(word));
  return (kept.length ? kept : words).sort().join(' ');
}

interface Entry {
  node: Neo4jNode;
  name?: string;
  aliases: string[];
}

function namesOf(node: Neo4jNode): Entry {
  const properties = node.properties as Record<string, unknown>;
  const name = ['name', 'title', 'caption', 'label'].map((key) => properties[key]).find((v) => typeof v === 'string');
  const aliases = properties.aliases;
  return {
    node,
    name: name,
    aliases: Array.isArray(aliases) ? aliases.filter((alias): alias is string => typeof alias === 'string') : [],
  };
}

function shareLabel(a: Neo4jNode, b: Neo4jNode): boolean {
  return a.labels.some((label) => b.labels.includes(label));
}

class Suggestions {
  private readonly pairs = new Map<string, { a: Neo4jNode; b: Neo4jNode; reasons: string[] }>();

  add(a: Neo4jNode, b: Neo4jNode, reason: string): void {
    if (a.elementId === b.elementId || !shareLabel(a, b)) return;
    const [first, second] = a.elementId < b.elementId ? [a, b] : [b, a];
    const key = `${first.elementId}\u0000${second.elementId}`;
    const pair = this.pairs.get(key) ?? { a: first, b: second, reasons: [] };
    if (!pair.reasons.includes(reason)) pair.reasons.push(reason);
    this.pairs.set(key, pair);
  }

  answer(identity: NodeIdentity): DuplicatesResponse['suggestions'] {
    return [...this.pairs.values()]
      .sort((x, y) => y.reasons.length - x.reasons.length)
      .slice(0, maxSuggestions)
      .map(({ a, b, reasons }) => ({
        nodes: [a, b].map((node) => {
          const { id, labels, caption } = toApiNode(node, identity);
          return { id, labels, caption };
        }),
        reasons,
      }));
  }
}

/** Nodes that may be the same, each pair with why: by name, by alias, by neighbours in common. */
export async function findDuplicates(db: Database, catalog: Catalog): Promise<DuplicatesResponse> {
  const [identity, excluded] = await Promise.all([catalog.identity(), provenanceTypes(catalog)]);
  const { records } = await db.read(cypher['duplicates/nodes'], { limit: neo4j.int(maxCompared + 1) });
  const truncated = records.length > maxCompared;
  const entries = records.slice(0, maxCompared).map((record) => namesOf(record.get('n') as Neo4jNode));
  const suggestions = new Suggestions();

  const byName = new Map<string, Entry[]>();
  for (const entry of entries) {
    if (!entry.name) continue;
    const key = nameKey(entry.name);
    if (key) byName.set(key, [...(byName.get(key) ?? []), entry]);
  }
  for (const group of byName.values()) {
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length && j < 20; j++) {
        suggestions.add(
          group[i]!.node,
          group[j]!.node,
          `Same name once accents, case, legal suffixes and word order are set aside: "${group[i]!.name}" and "${group[j]!.name}"`,
        );
      }
    }
  }

  for (const entry of entries) {
    for (const alias of entry.aliases) {
      for (const other of byName.get(nameKey(alias)) ?? []) {
        suggestions.add(entry.node, other.node, `"${other.name}" is an alias of "${entry.name ?? alias}"`);
      }
    }
  }
  const byAlias = new Map<string, Entry[]>();
  for (const entry of entries) {
    for (const alias of new Set(entry.aliases.map(nameKey))) byAlias.set(alias, [...(byAlias.get(alias) ?? []), entry]);
  }
  for (const [alias, group] of byAlias) {
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length && j < 20; j++) {
        suggestions.add(group[i]!.node, group[j]!.node, `They share the alias "${alias}"`);
      }
    }
  }

  let neighboursCut = false;
  try {
    const shared = await db.read(
      cypher['duplicates/shared-neighbours'],
      { excluded, hub: neo4j.int(hubSize), minimum: neo4j.int(minimumShared), limit: neo4j.int(maxSuggestions) },
      { timeoutMs: neighbourSearchMs },
    );
    for (const record of shared.records) {
      suggestions.add(
        record.get('a') as Neo4jNode,
        record.get('b') as Neo4jNode,
        `${neo4j.integer.toNumber(record.get('shared') as number)} neighbours in common`,
      );
    }
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (!code.includes('TransactionTimedOut')) throw error;
    neighboursCut = true;
  }
  return { suggestions: suggestions.answer(identity), truncated: truncated || neighboursCut };
}
