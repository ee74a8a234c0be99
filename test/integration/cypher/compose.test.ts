import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../../server/config.js';
import { compose, loadCypher, splitStatements, type Cypher, type SlotValue } from '../../../server/neo4j/cypher.js';
import { name } from '../../../server/neo4j/names.js';
import { connectTestDatabase } from '../../support/database.js';

/**
 * Every file in cypher/ parses on its own: each statement file is planned (EXPLAIN) by the real Neo4j with
 * every name slot filled with a hostile name (so escaping, not luck, keeps it whole) and every fragment slot
 * filled with the files that fill it in the code; each fragment file is planned inside its host that way.
 */

const cypherDir = path.join(projectRoot, 'cypher');

function cypherFiles(dir = cypherDir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? cypherFiles(path.join(dir, entry.name))
      : entry.name.endsWith('.cypher')
        ? [path.relative(cypherDir, path.join(dir, entry.name)).replace(/\.cypher$/, '')]
        : [],
  );
}

const files = cypherFiles();
const cypher = loadCypher(...files);

const hostileNames = [
  'back`tick',
  'line\nbreak',
  '\\u0060',
  'ends */ a comment',
  '// starts one',
  '`) DETACH DELETE (n',
  'a}}b{{name:x}}',
];

/**
 * The fragment slots of each host, filled as in the code: each entry lists the ways a slot is filled (a
 * fragment file, several in a row, or none). A host is planned once per way.
 */
const fragmentSlots: Record<string, Record<string, string[][]>> = {
  'nodes/by-key': { resolveIds: [['nodes/resolve-ids']] },
  'nodes/resolve-ids': { indexed: [[], ['nodes/resolve-id-in-label', 'nodes/resolve-id-in-label']] },
  'nodes/neighbours': {
    resolveIds: [['nodes/resolve-ids']],
    expansion: [['nodes/expansion-out'], ['nodes/expansion-in'], ['nodes/expansion-both']],
  },
  'nodes/neighbours-after': {
    resolveIds: [['nodes/resolve-ids']],
    expansion: [['nodes/expansion-out'], ['nodes/expansion-in'], ['nodes/expansion-both']],
  },
  'nodes/neighbours-unfiltered': {
    resolveIds: [['nodes/resolve-ids']],
    expansion: [['nodes/expansion-both']],
    storedOrder: [['nodes/stored-order'], ['nodes/not-stored']],
    page: [['nodes/stored-or-counted'], ['nodes/counted-page']],
  },
  'nodes/stored-or-counted': { stored: [['nodes/stored-order-page']], counted: [['nodes/counted-page']] },
  'nodes/counted-page': { expansion: [['nodes/expansion-out']] },
  'nodes/stored-order-page': { adjacent: [['nodes/adjacent-one-way'], ['nodes/adjacent-both']] },
  'nodes/adjacent-one-way': { expansion: [['nodes/expansion-in']] },
  'nodes/adjacent-both': { outgoing: [['nodes/expansion-out']], incoming: [['nodes/expansion-in']] },
  'nodes/expansion-out': { types: [[], ['nodes/types']] },
  'nodes/expansion-in': { types: [[], ['nodes/types']] },
  'nodes/expansion-both': { types: [[], ['nodes/types']] },
  'nodes/degrees': {
    resolveIds: [['nodes/resolve-ids']],
    perType: [[], ['nodes/degree-of-type', 'nodes/degree-of-type']],
  },
  'nodes/timeline': { resolveIds: [['nodes/resolve-ids']] },
  'paths/ranked': { resolveIds: [['nodes/resolve-ids']] },
  'paths/shortest-only': { resolveIds: [['nodes/resolve-ids']] },
  'search/create-own-index': { keys: [['search/index-key'], ['search/index-key', 'search/index-key']] },
  'imports/merge-nodes': { labels: [[], ['imports/add-labels']] },
  'merges/apply': {
    labels: [[], ['merges/add-labels']],
    set: [[], ['editing/set-property', 'editing/remove-property']],
  },
  'merges/restore-keep': { labels: [[], ['merges/remove-added-labels']], set: [['editing/set-property']] },
  'editing/set-property': { value: [['editing/value'], ['editing/value-converted'], ['editing/list-converted']] },
  ...Object.fromEntries(
    [
      'create-node',
      'create-relationship',
      'new-version',
      'recreate-node',
      'recreate-relationship',
      'update-node',
      'update-relationship',
    ].map((file) => [`editing/${file}`, { set: [[], ['editing/set-property', 'editing/remove-property']] }]),
  ),
};

/** The variable the `set` slot's statements write (editing/set-property.cypher): the host's own. */
const setVariables: Record<string, string> = { 'merges/apply': 'k', 'merges/restore-keep': 'k' };

/** Name slots that take one of Neo4j's own functions, not a name from the database. */
const functionSlots: Record<string, Record<string, string>> = {
  'editing/value-converted': { convert: 'date' },
  'editing/list-converted': { convert: 'date' },
};

/** Files that are fragments: planned inside their hosts (they are not statements on their own). */
const fragmentFiles = new Set(Object.values(fragmentSlots).flatMap((slots) => Object.values(slots).flat(2)));

/**
 * Ways of filling `file`'s slots: name slots with `hostile` (a `variable` slot with the variable the host
 * binds), int slots with 2, fragment slots per the table.
 * Every option of every slot is in at least one way (the i-th way takes each slot's i-th option, the last
 * when it has fewer), so the count stays the longest list of options, not their product.
 */
function filled(file: string, hostile: string, variable = setVariables[file] ?? 'n'): Cypher[] {
  const template = cypher[file]!;
  const options = new Map<string, SlotValue[]>();
  for (const [slot, kind] of template.slots) {
    if (kind === 'name') {
      options.set(slot, [name(functionSlots[file]?.[slot] ?? (slot === 'variable' ? variable : hostile))]);
    } else if (kind === 'int') {
      options.set(slot, [2]);
    } else {
      const ways = fragmentSlots[file]?.[slot];
      if (!ways) throw new Error(`The test does not say how ${file}'s slot ${slot} is filled`);
      options.set(
        slot,
        ways.flatMap((parts): SlotValue[] => {
          if (!parts.length) return [[]];
          const variants = parts.map((part) => filled(part, hostile, variable));
          const longest = Math.max(...variants.map((variant) => variant.length));
          return Array.from({ length: longest }, (_, index) =>
            variants.map((variant) => variant[Math.min(index, variant.length - 1)]!),
          );
        }),
      );
    }
  }
  const count = Math.max(1, ...[...options.values()].map((values) => values.length));
  return Array.from({ length: count }, (_, index) =>
    compose(
      template,
      Object.fromEntries([...options].map(([slot, values]) => [slot, values[Math.min(index, values.length - 1)]!])),
    ),
  );
}

/** Statements Neo4j cannot EXPLAIN: schema commands and procedures that write (they are composed only). */
const unexplainable = /^\s*(CREATE|DROP)\s+(RANGE\s+|FULLTEXT\s+|TEXT\s+)?(INDEX|CONSTRAINT)\b/i;

describe('every file in cypher/', () => {
  const db = connectTestDatabase();
  afterAll(() => db.close());

  it('When the test lists the files, then every fragment it names exists and every file is covered', () => {
    for (const fragment of fragmentFiles) expect(files).toContain(fragment);
    const hosts = files.filter((file) => !fragmentFiles.has(file));
    expect(hosts.length).toBeGreaterThan(100);
  });

  it.each(hostileNames)(
    'When every name slot holds %j, then every statement file plans',
    async (hostile) => {
      const failures: string[] = [];
      for (const file of files.filter((candidate) => !fragmentFiles.has(candidate))) {
        const statements = file.startsWith('fragments/')
          ? [] // expressions called like functions (cypher.ts expandFragments): planned below
          : filled(file, hostile).flatMap((query) => splitStatements(query));
        for (const statement of statements) {
          if (unexplainable.test(String(statement))) continue;
          try {
            await db.explain(statement);
          } catch (error) {
            failures.push(`${file}: ${(error as Error).message.split('\n')[0]}`);
          }
        }
      }
      expect(failures).toEqual([]);
    },
    240_000,
  );

  it('When an expression fragment (cypher/fragments/) stands in a query, then it plans', async () => {
    for (const file of files.filter((candidate) => candidate.startsWith('fragments/'))) {
      await expect(
        db.explain(`WITH null AS item, null AS ARGUMENT RETURN ${String(cypher[file])} AS value`),
      ).resolves.toBeDefined();
    }
  });
});
