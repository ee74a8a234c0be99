import type { Express } from 'express';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';

export interface WarmUpReport {
  ms: number;
  requests: number;
  failed: number;
}

/**
 * Sends the explorer's everyday requests to a server once each (schema, search, a node, its menu and
 * neighbours, a path, a subgraph), so that Neo4j has planned their queries and read their pages before
 * the first user waits on it. A cold database otherwise answers the first neighbours page in seconds.
 */
export async function warmUp(baseUrl: string, timeoutMs = 30_000): Promise<WarmUpReport> {
  const started = performance.now();
  let requests = 0;
  let failed = 0;
  const call = async (path: string, body?: unknown): Promise<unknown> => {
    requests += 1;
    try {
      const response = await fetch(`${baseUrl}/api${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (!response.ok) failed += 1;
      return response.ok ? await response.json() : undefined;
    } catch {
      failed += 1;
      return undefined;
    }
  };
  await call('/schema');
  const found = (await call('/search?q=a&limit=2')) as { results?: { id: string }[] } | undefined;
  const [first, second] = (found?.results ?? []).map((result) => encodeURIComponent(result.id));
  if (first) {
    const today = new Date().toISOString().slice(0, 10);
    await call(`/nodes/${first}`);
    await call(`/nodes/${first}/relationships`);
    await call(`/nodes/${first}/neighbours?limit=25`);
    await call(`/nodes/${first}/neighbours?limit=25&asOf=${today}`);
    if (second) await call(`/paths?from=${first}&to=${second}`);
    await call('/subgraph', { ids: (found?.results ?? []).map((result) => result.id) });
  }
  return { ms: Math.round(performance.now() - started), requests, failed };
}

/** Warms a database through an app that is not serving yet, on a private loopback port. */
export async function warmUpApp(app: Express): Promise<WarmUpReport> {
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  try {
    return await warmUp(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  } finally {
    server.closeAllConnections();
    server.close();
  }
}
