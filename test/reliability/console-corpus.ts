/**
 * The console attack corpus: statements that write, administer, read files or URLs, or call procedures
 * off the allow-list, each also disguised the ways a keyword filter would miss; and everyday reads that
 * must keep working. `canary` is the loopback address of a listener that must never be called.
 */

const writes = [
  'CREATE (n:Hacked)',
  'MERGE (n:Hacked {id: 1}) RETURN n',
  "MATCH (n {id: 'microsoft'}) SET n.name = 'Hacked'",
  "MATCH (n {id: 'microsoft'}) SET n += {hacked: true}",
  "MATCH (n {id: 'microsoft'}) REMOVE n.name",
  "MATCH (n {id: 'microsoft'}) SET n:Hacked",
  "MATCH (n {id: 'microsoft'}) REMOVE n:Company",
  "MATCH (n {id: 'microsoft'}) DETACH DELETE n",
  'MATCH ()-[r:INVESTED_IN]->() DELETE r',
  "MATCH (a {id: 'microsoft'}), (b {id: 'openai'}) CREATE (a)-[:HACKED]->(b)",
  "MATCH (a {id: 'microsoft'}), (b {id: 'openai'}) MERGE (a)-[:HACKED]->(b)",
  'FOREACH (x IN range(1, 3) | CREATE (:Hacked))',
  "MATCH (n {id: 'microsoft'}) FOREACH (x IN [1] | SET n.hacked = true)",
  'MATCH (n) WITH n LIMIT 1 CALL (n) { SET n.hacked = true } RETURN n',
  'MATCH (n) RETURN n LIMIT 1 UNION CREATE (m:Hacked) RETURN m',
  'OPTIONAL MATCH (n:Nothing) CREATE (:Hacked) RETURN 1',
  'WITH 1 AS x CREATE (:Hacked {x: x}) RETURN x',
  'UNWIND [1, 2] AS i MERGE (:Hacked {i: i})',
  "MATCH (n {id: 'microsoft'}) SET n.name = toUpper(n.name) RETURN n",
  'CREATE (a:Hacked)-[:HACKED]->(b:Hacked) RETURN a, b',
];

const schemaAndAdmin = [
  'CREATE INDEX hacked_index FOR (n:Hacked) ON (n.x)',
  'CREATE TEXT INDEX hacked_text FOR (n:Hacked) ON (n.x)',
  'CREATE FULLTEXT INDEX hacked_ft FOR (n:Hacked) ON EACH [n.x]',
  'CREATE CONSTRAINT hacked_constraint FOR (n:Hacked) REQUIRE n.x IS UNIQUE',
  'DROP CONSTRAINT company_id',
  'DROP INDEX entity_search',
  'SHOW TRANSACTIONS',
  'SHOW INDEXES',
  'SHOW CONSTRAINTS',
  'SHOW PROCEDURES',
  'SHOW FUNCTIONS',
  'SHOW SETTINGS',
  "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
  'SHOW USERS',
  'SHOW CURRENT USER',
  'SHOW DATABASES',
  'CREATE DATABASE hacked',
  'STOP DATABASE neo4j',
  'START DATABASE neo4j',
  "CREATE USER hacker SET PASSWORD 'password123'",
  'ALTER DATABASE neo4j SET ACCESS READ ONLY',
  'GRANT ALL ON DATABASE * TO PUBLIC',
  'CREATE ROLE hacker',
  'DENY READ {*} ON GRAPH * TO PUBLIC',
];

const procedures = [
  'CALL dbms.listConfig()',
  'CALL dbms.killQuery("query-1")',
  'CALL dbms.security.listUsers()',
  'CALL dbms.listConnections()',
  'CALL dbms.setConfigValue("db.logs.query.enabled", "OFF")',
  "CALL db.createLabel('Hacked')",
  "CALL db.createProperty('hacked')",
  "CALL db.createRelationshipType('HACKED')",
  'CALL db.clearQueryCaches()',
  'CALL db.checkpoint()',
  'CALL db.index.fulltext.createNodeIndex("hacked", ["Hacked"], ["x"])',
  "CALL db.index.fulltext.drop('entity_search')",
  "CALL apoc.create.node(['Hacked'], {})",
  "CALL apoc.load.json('http://127.0.0.1:1/x')",
  'RETURN apoc.version()',
  'CALL db.awaitIndexes(1)',
  'CALL dbms.procedures()',
  'CALL db.prepareForReplanning()',
];

/** Disguises a keyword filter would miss; the plan sees through them. */
const disguises: [string, (statement: string) => string][] = [
  [
    'lower case',
    (s) => s.replace(/\b(CREATE|MERGE|SET|REMOVE|DELETE|DETACH|FOREACH|DROP|SHOW|CALL)\b/g, (k) => k.toLowerCase()),
  ],
  ['a block comment before', (s) => `/* only a read */ ${s}`],
  ['a line comment before', (s) => `// harmless\n${s}`],
  [
    'a unicode escape in the first keyword',
    (s) => s.replace(/[A-Z]/, (letter) => `\\u${letter.charCodeAt(0).toString(16).padStart(4, '0')}`),
  ],
  ['after a read in a CALL subquery', (s) => `MATCH (m) WITH m LIMIT 1 CALL () { ${s} } RETURN 1`],
  ['batched IN TRANSACTIONS', (s) => `UNWIND [1] AS i CALL (i) { ${s} } IN TRANSACTIONS OF 1 ROW`],
  ['a runtime option', (s) => `CYPHER runtime=slotted ${s}`],
  ['after a second statement', (s) => `MATCH (n) RETURN n LIMIT 1; ${s}`],
];

/**
 * Neo4j 5.26's built-in procedures off the console's allow-list (READ and DBMS modes), each with
 * arguments it accepts and the column to yield (none for a procedure without results).
 */
export const offListProcedures: [string, string | undefined][] = [
  ["db.awaitIndex('entity_search', 1)", undefined],
  ['db.awaitIndexes(1)', undefined],
  ['db.index.fulltext.awaitEventuallyConsistentIndexRefresh()', undefined],
  ['db.index.fulltext.listAvailableAnalyzers()', 'analyzer'],
  ["db.index.vector.queryNodes('vectors', 1, [1.0])", 'score'],
  ["db.index.vector.queryRelationships('vectors', 1, [1.0])", 'score'],
  ['db.info()', 'name'],
  ['db.ping()', 'success'],
  ['db.prepareForReplanning()', undefined],
  ["db.resampleIndex('entity_search')", undefined],
  ['db.resampleOutdatedIndexes()', undefined],
  ["db.stats.clear('QUERIES')", 'message'],
  ["db.stats.collect('QUERIES')", 'message'],
  ["db.stats.retrieve('QUERIES')", 'data'],
  ["db.stats.retrieveAllAnonymized('token')", 'data'],
  ['db.stats.status()', 'status'],
  ["db.stats.stop('QUERIES')", 'message'],
  ['dbms.upgradeStatus()', 'status'],
  ['db.clearQueryCaches()', 'value'],
  ['dbms.components()', 'name'],
  ['dbms.info()', 'name'],
  ['dbms.listCapabilities()', 'name'],
  ['dbms.listConfig()', 'value'],
  ['dbms.listConnections()', 'clientAddress'],
  ["dbms.queryJmx('*:*')", 'name'],
  ["dbms.killConnection('bolt-1')", 'message'],
  ['dbms.routing.getRoutingTable({})', 'servers'],
  ['tx.getMetaData()', 'metadata'],
];

/** The expression forms Neo4j plans as nested plans, with `E` where the subquery expression goes. */
const nestingForms: [string, (expression: string) => string][] = [
  ['a list comprehension', (e) => `RETURN [x IN [1] | ${e}] AS c`],
  ['CASE', (e) => `RETURN CASE WHEN rand() < 2 THEN ${e} END AS c`],
  ['reduce', (e) => `RETURN reduce(s = [], x IN [1] | s + [${e}]) AS c`],
  ['a pattern comprehension', (e) => `OPTIONAL MATCH (n) WITH n LIMIT 1 RETURN [(n)--() | ${e}] AS c`],
  ['a WHERE of a list comprehension', (e) => `RETURN [x IN [1] WHERE ${e} IS NOT NULL | x] AS c`],
];

/**
 * Every off-list procedure inside COUNT { }, EXISTS { } and COLLECT { }, inside each nesting form: planned
 * as a nested plan expression, the call has no operator of its own.
 */
export function nestedProcedureStatements(): string[] {
  return offListProcedures.flatMap(([call, column]) => {
    const body = column ? `CALL ${call} YIELD ${column} RETURN ${column}` : `CALL ${call}`;
    const expressions = [`COUNT { ${body} }`, `EXISTS { ${body} }`, ...(column ? [`COLLECT { ${body} }`] : [])];
    return nestingForms.flatMap(([, form]) => expressions.map(form));
  });
}

export function hostileStatements(canary: string): string[] {
  const fileAndUrl = [
    `LOAD CSV FROM '${canary}/plain.csv' AS line RETURN line`,
    `load csv with headers from '${canary}/headers.csv' as row return row`,
    `LOAD CSV FROM '${canary}/sub.csv' AS line CALL (line) { RETURN 1 AS x } RETURN x`,
    `L\\u004fAD CSV FROM '${canary}/escaped.csv' AS line RETURN line`,
    `/* read */ LOAD CSV FROM '${canary}/comment.csv' AS line RETURN count(line)`,
    `MATCH (n) WITH n LIMIT 1 LOAD CSV FROM '${canary}/after-match.csv' AS line RETURN line`,
    `CALL () { LOAD CSV FROM '${canary}/in-call.csv' AS line RETURN line } RETURN line`,
    `LOAD CSV FROM '${canary}/' + 'concat.csv' AS line RETURN line`,
    `WITH '${canary}/with.csv' AS url LOAD CSV FROM url AS line RETURN line`,
    `RETURN 1 UNION LOAD CSV FROM '${canary}/union.csv' AS line RETURN line[0] AS 1`,
    "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
    "LOAD CSV FROM 'file:///proc/self/environ' AS line RETURN line",
  ];
  const disguised = [...writes, ...schemaAndAdmin.slice(0, 6), ...procedures.slice(0, 6)].flatMap((statement) =>
    disguises.map(([, disguise]) => disguise(statement)),
  );
  return [
    ...new Set([
      ...writes,
      ...schemaAndAdmin,
      ...procedures,
      ...fileAndUrl,
      ...disguised,
      ...nestedProcedureStatements(),
    ]),
  ];
}

export const legitimateReads = [
  'MATCH (n) RETURN count(n) AS nodes',
  'MATCH ()-[r]->() RETURN count(r) AS relationships',
  "MATCH (n {id: 'microsoft'}) RETURN n",
  "MATCH (n {id: 'microsoft'})-[r]-(m) RETURN n, r, m LIMIT 25",
  'MATCH (a)-[r:INVESTED_IN]->(b) RETURN a.name, r.amountUsd, b.name ORDER BY r.amountUsd DESC',
  'MATCH (c:Company) RETURN c.name ORDER BY c.name SKIP 2 LIMIT 5',
  'MATCH (c:Company) WHERE c.name STARTS WITH "Micro" RETURN c',
  "MATCH (c:Company) WHERE c.name CONTAINS 'AI' RETURN c.name",
  "MATCH (c:Company) WHERE c.name =~ '(?i)open.*' RETURN c.name",
  'MATCH (n) RETURN labels(n) AS labels, count(*) AS nodes ORDER BY nodes DESC',
  'MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n ORDER BY n DESC LIMIT 10',
  'MATCH (n:Person) RETURN n.name, COUNT { (n)--() } AS degree ORDER BY degree DESC LIMIT 5',
  'MATCH (n:Company) WHERE EXISTS { (n)-[:INVESTED_IN]->() } RETURN n.name',
  'MATCH (n:Company) RETURN n.name, COLLECT { MATCH (n)-[:PARTY_TO]->(d) RETURN d.name } AS deals LIMIT 5',
  "MATCH p = shortestPath((a {id: 'google'})-[*..6]-(b {id: 'microsoft'})) RETURN p",
  "MATCH p = allShortestPaths((a {id: 'google'})-[*..6]-(b {id: 'microsoft'})) RETURN length(p) LIMIT 5",
  "MATCH (a {id: 'microsoft'})-[*1..2]-(b) RETURN count(DISTINCT b)",
  "OPTIONAL MATCH (n {id: 'no-such-node'}) RETURN n",
  'UNWIND range(1, 10) AS i RETURN i * i AS square',
  'RETURN [x IN range(1, 20) WHERE x % 2 = 0 | x * 10] AS evens',
  'RETURN reduce(total = 0, x IN range(1, 100) | total + x) AS sum',
  "RETURN date('2024-01-01') + duration('P1M') AS next",
  "RETURN datetime('2024-01-01T12:00:00Z').year AS year",
  "RETURN duration.between(date('2019-07-22'), date('2024-01-01')) AS span",
  "RETURN toUpper('entente') AS upper, size('entente') AS length",
  "RETURN split('a,b,c', ',') AS parts, replace('a-b', '-', '+') AS replaced",
  'RETURN {a: 1, b: [1, 2, 3], c: {d: true}} AS nested',
  'RETURN $value AS value',
  'CALL db.labels() YIELD label RETURN label',
  'CALL db.relationshipTypes() YIELD relationshipType RETURN relationshipType',
  'CALL db.propertyKeys() YIELD propertyKey RETURN propertyKey LIMIT 10',
  'CALL db.schema.visualization()',
  "CALL db.index.fulltext.queryNodes('entity_search', 'microsoft') YIELD node, score RETURN node.name, score LIMIT 3",
  'MATCH (n:Company) WITH n ORDER BY n.name LIMIT 3 CALL (n) { MATCH (n)-[r]-() RETURN count(r) AS degree } RETURN n.name, degree',
  'MATCH (n:Company) RETURN n.name AS name UNION MATCH (n:Person) RETURN n.name AS name',
  'MATCH (n:Company) RETURN n.name AS name UNION ALL MATCH (n:Regulator) RETURN n.name AS name',
  'MATCH (n) WHERE n.since IS NOT NULL RETURN n.name, n.since ORDER BY n.since LIMIT 5',
  "MATCH ()-[r]->() WHERE r.since >= date('2024-01-01') RETURN type(r), r.since LIMIT 10",
  "MATCH (n:Company) RETURN CASE WHEN n.name STARTS WITH 'M' THEN 'm' ELSE 'other' END AS initial, count(*)",
  "MATCH (n:Company) RETURN n.name, coalesce(n.country, 'unknown') AS country LIMIT 5",
  'MATCH (n:Company) WITH collect(n.name) AS names RETURN size(names) AS companies, names[0] AS first',
  'MATCH (n:Company) RETURN n {.name, .id} AS company LIMIT 5',
  'MATCH (a)-[r]->(b) RETURN a, r, b LIMIT 50',
  'MATCH (s:Source) RETURN s.id, s.name',
  "MATCH (a)-[r]->(b) WHERE 'x' IN coalesce(r.sources, []) RETURN count(r)",
  'RETURN 1 AS one',
  'EXPLAIN MATCH (n) RETURN n',
  "WITH 'microsoft' AS id MATCH (n {id: id}) RETURN n.name",
  'MATCH (n:Company) RETURN avg(COUNT { (n)--() }) AS averageDegree',
  'MATCH (n:Company) RETURN min(n.name), max(n.name)',
  'MATCH (n) RETURN n.name ORDER BY n.name DESC LIMIT 1',
  'RETURN valueType(1) AS type, valueType([1]) AS listType',
];
