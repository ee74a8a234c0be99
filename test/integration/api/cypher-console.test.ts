import { describe, expect, it } from 'vitest';
import { problem, useApi } from '../../support/api.js';

// 3 s, not less: the first statement also starts the console's worker thread (compiled by tsx under the test
// runner), which counts against its deadline, and on a busy machine a 1 s deadline made plain reads 504.
const context = useApi({ CYPHER_MAX_ROWS: '5', CYPHER_TIMEOUT_MS: '3000', CYPHER_RATE_LIMIT_PER_MINUTE: '1000' });
const cypher = (query: string, params: Record<string, unknown> = {}) =>
  context.api().post('/api/cypher').send({ query, params });

async function graphCounts() {
  const count = async (query: string) => Number((await context.db.read(query)).records[0]!.get(0));
  return {
    nodes: await count('MATCH (n) RETURN count(n)'),
    relationships: await count('MATCH ()-[r]->() RETURN count(r)'),
    labels: await count('CALL db.labels() YIELD label RETURN count(label)'),
    constraints: await count('SHOW CONSTRAINTS YIELD name RETURN count(name)'),
    indexes: await count('SHOW INDEXES YIELD name RETURN count(name)'),
  };
}

/**
 * Statements the console must refuse: writes, schema and admin commands, file access, procedures off the
 * allow-list, and the tricks used to hide them (comments, case, unicode escapes, subqueries, several statements).
 */
const refused = [
  'CREATE (n:Hacked)',
  'create (n:Hacked)',
  'CrEaTe (n:Hacked) RETURN n',
  'MERGE (n:Hacked {id: 1}) RETURN n',
  "MATCH (n {id: 'microsoft'}) SET n.name = 'Hacked'",
  "MATCH (n {id: 'microsoft'}) REMOVE n.name",
  "MATCH (n {id: 'microsoft'}) DETACH DELETE n",
  'MATCH (n) DETACH DELETE n',
  "MATCH (n {id: 'microsoft'}) SET n:Hacked",
  "MATCH (a {id: 'microsoft'}), (b {id: 'openai'}) CREATE (a)-[:HACKED]->(b)",
  "MATCH (n {id: 'microsoft'}) FOREACH (x IN [1] | SET n.hacked = true)",
  'FOREACH (x IN range(1, 3) | CREATE (:Hacked))',
  'CALL () { CREATE (:Hacked) } RETURN 1',
  'MATCH (n) WITH n LIMIT 1 CALL (n) { SET n.hacked = true } RETURN n',
  'UNWIND range(1, 10) AS i CALL (i) { CREATE (:Hacked {i: i}) } IN TRANSACTIONS OF 2 ROWS',
  'MATCH (n) RETURN n LIMIT 1 UNION CREATE (m:Hacked) RETURN m',
  "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
  "LOAD CSV FROM 'http://127.0.0.1:1/x.csv' AS line RETURN line",
  "load csv with headers from 'file:///etc/hosts' as row return row",
  'CREATE INDEX hacked_index FOR (n:Hacked) ON (n.x)',
  'CREATE CONSTRAINT hacked_constraint FOR (n:Hacked) REQUIRE n.x IS UNIQUE',
  'DROP CONSTRAINT company_id',
  'DROP INDEX entity_search',
  'SHOW TRANSACTIONS',
  "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
  'SHOW USERS',
  'SHOW DATABASES',
  'CREATE DATABASE hacked',
  'STOP DATABASE neo4j',
  "CREATE USER hacker SET PASSWORD 'password123'",
  'CALL dbms.listConfig()',
  'CALL dbms.killQuery("query-1")',
  'CALL dbms.security.listUsers()',
  "CALL db.createLabel('Hacked')",
  "CALL db.createProperty('hacked')",
  "CALL db.createRelationshipType('HACKED')",
  'CALL db.clearQueryCaches()',
  "CALL apoc.create.node(['Hacked'], {})",
  'RETURN apoc.version()',
  'MATCH (n) RETURN n; CREATE (:Hacked)',
  'CREATE (:Hacked); MATCH (n) RETURN n',
  '/* just a read */ CREATE (:Hacked)',
  '// a comment\nCREATE (:Hacked)',
  'C\\u0052EATE (:Hacked)',
  'MATCH (n) WHERE n.id = "x" \\u0043REATE (:Hacked)',
  'CYPHER runtime=slotted CREATE (:Hacked)',
  'EXPLAIN CREATE (:Hacked)',
  'PROFILE CREATE (:Hacked)',
  "USING PERIODIC COMMIT LOAD CSV FROM 'file:///x' AS l CREATE (:Hacked)",
  'CALL db.index.fulltext.createNodeIndex("hacked", ["Hacked"], ["x"])',
  'ALTER DATABASE neo4j SET ACCESS READ ONLY',
  'GRANT ALL ON DATABASE * TO PUBLIC',
];

describe('POST /api/cypher', () => {
  it('When a read returns nodes and relationships, then rows are JSON and the graph collects them', async () => {
    const { body } = await cypher(
      "MATCH (a {id: 'microsoft'})-[r:INVESTED_IN]->(b) RETURN a.name AS investor, r, b, r.amountUsd AS amount ORDER BY amount",
    ).expect(200);
    expect(body.columns).toEqual(['investor', 'r', 'b', 'amount']);
    expect(body.rows.map((row: unknown[]) => row[3])).toEqual([13e9, 13e9, 14e9]);
    expect(body.rows[0][1]).toMatchObject({ type: 'INVESTED_IN', source: 'microsoft', target: 'openai' });
    expect(body.graph.nodes.map((node: { id: string }) => node.id).sort()).toEqual(['microsoft', 'openai']);
    expect(body.graph.edges).toHaveLength(3);
    expect(body.meta).toMatchObject({ truncated: false });
    expect(typeof body.meta.elapsedMs).toBe('number');
  });

  it('When parameters are given, then whole numbers are integers (LIMIT $n works)', async () => {
    const { body } = await cypher('UNWIND range(1, 10) AS i RETURN i LIMIT $n', { n: 3 }).expect(200);
    expect(body.rows).toEqual([[1], [2], [3]]);
  });

  it('When a read returns more rows than the cap, then it stops at the cap and says truncated', async () => {
    const { body } = await cypher('UNWIND range(1, 1000000) AS i RETURN i').expect(200);
    expect(body.rows).toHaveLength(5);
    expect(body.meta.truncated).toBe(true);
  });

  it('When temporal values and paths are returned, then they are ISO strings and graphs', async () => {
    const { body } = await cypher(
      "MATCH p = (:Company {id: 'google'})-[:PARTY_TO|PART_OF*1..3]-(:Company {id: 'openai'}) RETURN p, date('2024-07-01') AS d LIMIT 1",
    ).expect(200);
    expect(body.rows[0][1]).toBe('2024-07-01');
    expect(body.rows[0][0].nodes.length).toBeGreaterThan(1);
  });

  it('When the statement has a syntax error, then it is a 400 with the position in the user text', async () => {
    const response = await cypher('MATCH (n RETURN n').expect(400);
    const body = problem(response) as unknown as { position: { line: number; column: number; offset: number } };
    expect(body.position).toEqual({ line: 1, column: 10, offset: 9 });
    // The message names the same place, not the one in the text Neo4j was given (with EXPLAIN before it).
    expect(response.body.detail).toContain('(line 1, column 10 (offset: 9))');
  });

  it('When the statement runs past the timeout, then it is a 504 and no query is left running', async () => {
    const response = await cypher(
      'UNWIND range(1, 1000000000) AS i WITH i WHERE i % 1000000007 = 1000000006 RETURN count(i)',
    ).expect(504);
    expect(problem(response).title).toBe('Query timed out');
    // The server ends the transaction at its timeout, or when the console's worker drops the connection.
    await expect
      .poll(async () => {
        const { records } = await context.db.read(
          "SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery STARTS WITH 'UNWIND range(1, 1000000000)' RETURN count(*) AS running",
        );
        return Number(records[0]!.get('running'));
      })
      .toBe(0);
  });

  it(`When any of ${refused.length} write, admin, procedure or trick statements is sent, then each is refused and the graph is unchanged`, async () => {
    const before = await graphCounts();
    const outcomes = [];
    for (const query of refused) {
      const response = await cypher(query);
      outcomes.push({
        query,
        status: response.status,
        problem: response.status >= 400 ? problem(response) : undefined,
      });
    }
    const accepted = outcomes.filter((outcome) => ![400, 403].includes(outcome.status));
    expect(accepted).toEqual([]);
    expect(await graphCounts()).toEqual(before);
    const { records } = await context.db.read('MATCH (n:Hacked) RETURN count(n) AS hacked');
    expect(Number(records[0]!.get('hacked'))).toBe(0);
  });

  it('When a write is refused, then the 403 says why', async () => {
    expect(problem(await cypher('CREATE (n:Hacked)').expect(403)).detail).toMatch(/read-only: it writes/);
    expect(problem(await cypher("LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l").expect(403)).detail).toMatch(
      /LOAD CSV/,
    );
    expect(problem(await cypher('CALL dbms.listConfig()').expect(403)).detail).toMatch(/dbms.listConfig/);
    expect(problem(await cypher('SHOW TRANSACTIONS').expect(403)).detail).toMatch(/administration/);
  });

  it('When an allow-listed procedure is called, then it runs', async () => {
    const { body } = await cypher('CALL db.labels() YIELD label RETURN label ORDER BY label').expect(200);
    expect(body.rows.flat()).toContain('Company');
  });

  it('When the body is missing the query, then it is a 400 naming it', async () => {
    expect(problem(await context.api().post('/api/cypher').send({}).expect(400)).detail).toMatch(/^body\.query/);
  });
});

describe('POST /api/cypher rate limit', () => {
  const limited = useApi({ CYPHER_RATE_LIMIT_PER_MINUTE: '2' });

  it('When a client goes over its budget, then it gets a 429 problem', async () => {
    const statuses = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await limited.api().post('/api/cypher').send({ query: 'RETURN 1' })).status);
    expect(statuses).toEqual([200, 200, 429]);
  });
});
