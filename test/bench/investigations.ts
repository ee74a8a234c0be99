import type { Graph } from '../../client/src/api/api.js';
import { subgraphInChunks } from '../../client/src/explore/subgraph.js';
import type { View } from '../../server/investigations/investigations.schemas.js';
import type { Store } from '../../server/store/store.js';
import { timeAlternately } from '../support/timing.js';

export interface BenchFigures {
  rows: string[];
  goals: { name: string; figure: string; met: boolean }[];
}

async function call<T>(url: string, init?: RequestInit & { json?: unknown }): Promise<T> {
  const response = await fetch(url, {
    ...init,
    ...(init?.json === undefined
      ? {}
      : { body: JSON.stringify(init.json), headers: { 'content-type': 'application/json' } }),
  });
  if (!response.ok) throw new Error(`${init?.method ?? 'GET'} ${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

const listSize = 10_000;

/**
 * Issue #24's figures, over HTTP against the benchmark graph: opening a view of `nodes` nodes as an
 * investigation against the same view from a shared link (the explorer's own chunked subgraph requests; both
 * then draw through the same code, so the data's arrival is what differs), saving it, what 100 saves that
 * each move one node add to the store, and a page of a list of 10,000 against a plain SELECT of one page.
 */
export async function runInvestigationBenchmark(
  base: string,
  store: Store,
  { nodes, runs }: { nodes: number; runs: number },
): Promise<BenchFigures> {
  const ids = Array.from({ length: nodes }, (_, index) => `b-${index}`);
  const subgraph = (chunk: string[], withIds: string[]) =>
    call<Graph>(`${base}/api/subgraph`, { method: 'POST', json: { ids: chunk, with: withIds } });
  const openLink = () => subgraphInChunks(ids, [], subgraph);
  const drawn = await openLink();
  const view: View = {
    ids: drawn.nodes.map((node) => node.id),
    edges: drawn.edges.map((edge) => edge.id),
    positions: Object.fromEntries(drawn.nodes.map((node, index) => [node.id, { x: index % 100, y: index / 100 }])),
    hiddenLabels: [],
    hiddenTypes: [],
    layout: 'fcose',
  };
  const created = await call<{ id: string; version: number }>(`${base}/api/investigations`, {
    method: 'POST',
    json: { title: 'Benchmark view', view },
  });
  const at = `${base}/api/investigations/${created.id}`;
  let version = created.version;
  const openInvestigation = () => Promise.all([call(at), call(`${at}/graph`)]);
  const save = async () => {
    view.positions[view.ids[version % view.ids.length]!] = { x: -version, y: version };
    version = (await call<{ version: number }>(at, { method: 'PUT', json: { version, view } })).version;
  };
  const [link, opened, saved] = await timeAlternately([openLink, openInvestigation, save], runs);

  // Storage: 100 saves, each moving one node, against 100 full copies of the view.
  const [before] = await store.rows<{ bytes: string }>('SELECT pg_total_relation_size($1::regclass)::bigint AS bytes', [
    'investigation_versions',
  ]);
  for (let count = 0; count < 100; count++) await save();
  const [after] = await store.rows<{ bytes: string }>('SELECT pg_total_relation_size($1::regclass)::bigint AS bytes', [
    'investigation_versions',
  ]);
  const grown = Number(after!.bytes) - Number(before!.bytes);
  const copy = Buffer.byteLength(JSON.stringify(view));

  // Listing: 10,000 investigations of small views, a page through the API against the plain SELECT of one.
  // Their ids start with "01", which Entente's own ids never hold (its alphabet has no 0 or 1): removing
  // them afterwards touches nothing else in the store.
  await store.rows(
    `INSERT INTO investigations (id, title, view, node_count)
     SELECT '01' || lpad(to_hex(n), 6, '0'), 'Listed ' || n, '{"ids":[],"edges":[],"positions":{},"hiddenLabels":[],"hiddenTypes":[],"layout":"fcose"}', 0
     FROM generate_series(1, $1::int) AS n`,
    [listSize],
  );
  try {
    const [listed, plain] = await timeAlternately(
      [
        () => call(`${base}/api/investigations?limit=50`),
        () => store.rows('SELECT * FROM investigations ORDER BY updated_at DESC, id DESC LIMIT 50'),
      ],
      runs,
    );
    const openRatio = opened!.p50 / link!.p50;
    const saveAndOpen = (saved!.p50 + opened!.p50) / link!.p50;
    const listRatio = listed!.p95 / plain!.p95;
    return {
      rows: [
        `| open a ${view.ids.length}-node, ${view.edges.length}-relationship view from a shared link (chunked subgraph) | ${link!.p50.toFixed(0)} | ${link!.p95.toFixed(0)} |`,
        `| open it as an investigation (view and graph, together) | ${opened!.p50.toFixed(0)} | ${opened!.p95.toFixed(0)} |`,
        `| save it with one node moved | ${saved!.p50.toFixed(0)} | ${saved!.p95.toFixed(0)} |`,
        `| list investigations, one page of 50 of ${listSize.toLocaleString('en')} | ${listed!.p50.toFixed(1)} | ${listed!.p95.toFixed(1)} |`,
        `| plain SELECT of one page | ${plain!.p50.toFixed(1)} | ${plain!.p95.toFixed(1)} |`,
      ],
      goals: [
        {
          name: 'investigation opens within 1.5× of the shared link (p50)',
          figure: `${openRatio.toFixed(2)}×`,
          met: openRatio <= 1.5,
        },
        {
          name: 'investigation saved and opened within 1.5× of opening the shared link (p50)',
          figure: `${saveAndOpen.toFixed(2)}×`,
          met: saveAndOpen <= 1.5,
        },
        {
          name: '100 saves moving one node each store far less than 100 copies',
          figure: `${(grown / 1024).toFixed(0)} KiB stored, ${((100 * copy) / 1024).toFixed(0)} KiB for 100 copies (${((grown / (100 * copy)) * 100).toFixed(1)} %)`,
          met: grown < 10 * copy,
        },
        {
          name: 'a page of 10,000 investigations: p95 under 100 ms and within 2× of a plain SELECT',
          figure: `${listed!.p95.toFixed(1)} ms, ${listRatio.toFixed(2)}×`,
          met: listed!.p95 < 100 && listRatio <= 2,
        },
      ],
    };
  } finally {
    await store.rows("DELETE FROM investigations WHERE id LIKE '01%' OR id = $1", [created.id]);
  }
}
