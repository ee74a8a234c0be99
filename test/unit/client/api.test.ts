import { afterAll, describe, expect, it, vi } from 'vitest';

// The API module registers the page's probe on `window`, and calls its own site, which Node does not have.
vi.stubGlobal('window', globalThis);
vi.stubGlobal('location', new URL('http://entente.test/'));
const { api, ApiError, rememberCsrfToken, signInNeeded } = await import('../../../client/src/api/api.js');

const answer = (status: number, body: string, statusText = '') => {
  const fetch = vi.fn((_request: Request) => Promise.resolve(new Response(body, { status, statusText })));
  vi.stubGlobal('fetch', fetch);
  return fetch;
};

afterAll(() => {
  vi.unstubAllGlobals();
});

describe('the API module', () => {
  it('When the API answers, then the body comes back as sent, from the route asked', async () => {
    const results = [{ id: 'openai', labels: ['Company'], caption: 'OpenAI', score: 2.5 }];
    const fetch = answer(200, JSON.stringify({ results }));
    await expect(api.search('open', 5)).resolves.toEqual({ results });
    expect(fetch.mock.calls[0]![0].url).toBe('http://entente.test/api/search?q=open&limit=5');
  });

  it('When the explorer writes with a session, then the request carries its CSRF token; a read does not', async () => {
    rememberCsrfToken('token-1');
    const fetch = answer(200, JSON.stringify({ nodes: [], edges: [] }));
    await api.subgraph(['openai']);
    await api.schema();
    const [write, read] = fetch.mock.calls.map(([request]) => request);
    expect(write!.method).toBe('POST');
    expect(write!.headers.get('x-csrf-token')).toBe('token-1');
    expect(await write!.json()).toEqual({ ids: ['openai'] });
    expect(read!.headers.get('x-csrf-token')).toBeNull();
    rememberCsrfToken(null);
  });

  it('When the session is gone (401 unauthenticated), then the page hears that a sign-in is needed', async () => {
    const heard = vi.fn();
    signInNeeded.addEventListener('needed', heard);
    answer(401, JSON.stringify({ type: '/problems/unauthenticated', title: 'Sign in', status: 401, detail: 'Gone' }));
    await expect(api.node('openai')).rejects.toMatchObject({ status: 401, type: '/problems/unauthenticated' });
    expect(heard).toHaveBeenCalledOnce();
    signInNeeded.removeEventListener('needed', heard);
  });

  it('When the API answers a problem, then the error keeps its status, title, detail and position', async () => {
    const position = { line: 1, column: 7, offset: 6 };
    answer(400, JSON.stringify({ type: 'syntax', title: 'Syntax error', status: 400, detail: 'Invalid', position }));
    const error: unknown = await api.cypher('MATCH (').catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, title: 'Syntax error', detail: 'Invalid', position });
  });

  it('When something in between answers a page that is not a problem, then the error is its HTTP status', async () => {
    answer(502, '<html>Bad gateway</html>', 'Bad Gateway');
    await expect(api.schema()).rejects.toMatchObject({ status: 502, title: 'Bad Gateway', detail: '' });
  });

  it('When an error answer is JSON null, then it is still that HTTP error, not a network error', async () => {
    answer(500, 'null', 'Internal Server Error');
    await expect(api.queries()).rejects.toMatchObject({ status: 500, title: 'Internal Server Error', detail: '' });
  });

  it('When the server cannot be reached, then the error says so', async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('fetch failed')));
    await expect(api.node('openai')).rejects.toMatchObject({ status: 0, title: 'Network error' });
  });
});
