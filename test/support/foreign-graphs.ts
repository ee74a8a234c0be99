/**
 * Graphs that are not Entente's: written the way other teams write theirs, to try the API on data it was
 * not designed for.
 */

/**
 * A bank's graph: integer ids, an id shared by a Bank and an Account (unique per label only), a node with
 * two labels, captions in `title`, nodes with no id or name, a float id, labels and types with spaces and
 * non-Latin letters, a self-loop, relationships dated by datetimes and by integer years, accented names, and a hub with
 * 5,000 neighbours. No full-text index and no constraint.
 */
export const bankGraph: string[] = [
  `CREATE (bank:Bank {id: 1, name: 'Zürcher Kantonalbank', founded: 1870})
   CREATE (account:Account {id: 1, title: 'Compte courant'})
   CREATE (zoe:Person:Customer {id: 2, name: 'Zoë Öztürk'})
   CREATE (branch:\`Filiale Genève\` {id: 3, name: 'Genève Centre'})
   CREATE (audit:Event {title: 'Audit annuel 2021', at: datetime('2021-06-30T12:00:00Z')})
   CREATE (blob:Blob {weight: 2.5})
   CREATE (sensor:Sensor {id: 1.5, name: 'Capteur'})
   CREATE (kanji:\`銀行員\` {id: 'tanaka', name: 'Tanaka Hiroshi'})
   CREATE (zoe)-[:OWNS {since: datetime('2019-03-01T10:00:00Z'), until: datetime('2023-01-01T00:00:00Z')}]->(account)
   CREATE (account)-[:\`HELD AT\` {since: 2015}]->(bank)
   CREATE (branch)-[:\`所属\`]->(bank)
   CREATE (kanji)-[:\`WORKS AT\` {since: localdatetime('2020-04-01T09:00:00')}]->(branch)
   CREATE (audit)-[:CONCERNS]->(bank)
   CREATE (blob)-[:ATTACHED_TO]->(audit)
   CREATE (sensor)-[:IN]->(branch)
   CREATE (bank)-[:AUDITS]->(bank)
   CREATE (zoe)-[:CLIENT_OF {opened: 2010, closed: '2020-05-01'}]->(bank)`,
  `CREATE (hub:Hub {id: 100, name: 'Clearing house'})
   WITH hub
   UNWIND range(1, 5000) AS i
   CREATE (hub)-[:CLEARS]->(:Member {id: 1000 + i, name: 'Member ' + i})`,
  `MATCH (hub:Hub {id: 100}), (bank:Bank {id: 1}) CREATE (bank)-[:MEMBER_OF]->(hub)`,
];

/**
 * Names that are JavaScript's own: labels, relationship types, property keys and ids called `__proto__`,
 * `constructor`, `toString`, `valueOf` and `hasOwnProperty`. A plain object keyed by one of these names
 * reads Object.prototype's member instead of a missing entry (or, for `__proto__`, sets the prototype).
 * The names are in a ring (each relationship dated by `at`, which only a dating choice reads), with a hub `Object` linked to all.
 */
export const objectNames = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty'] as const;

export const protoGraph: string[] = [
  `CREATE (a:\`__proto__\` {id: 'constructor', name: 'Proto Alpha', \`__proto__\`: 'own proto', toString: 'ts'})
   CREATE (b:constructor {id: '__proto__', name: 'Constructor Beta', constructor: 'own constructor'})
   CREATE (c:toString {id: 'valueOf', name: 'ToString Gamma', valueOf: 3})
   CREATE (d:valueOf {id: 'hasOwnProperty', name: 'ValueOf Delta', hasOwnProperty: true})
   CREATE (e:hasOwnProperty {id: 'toString', name: 'HasOwn Epsilon'})
   CREATE (o:Object {id: 'object', name: 'Object Omega'})
   CREATE (a)-[:\`__proto__\` {at: date('2020-01-01')}]->(b)
   CREATE (b)-[:constructor {at: date('2021-01-01')}]->(c)
   CREATE (c)-[:toString {at: date('2022-01-01')}]->(d)
   CREATE (d)-[:valueOf {at: date('2023-01-01')}]->(e)
   CREATE (e)-[:hasOwnProperty {at: date('2024-01-01')}]->(a)
   WITH o, [a, b, c, d, e] AS all
   UNWIND all AS n
   CREATE (o)-[:HAS]->(n)`,
];
