import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { requestEtag, sendJson } from '../../../server/http/json.js';

/** An app answering `value` through the one JSON sender, on GET and POST. */
function appAnswering(value: () => unknown) {
  const app = express();
  app.get('/answer', (_req, res) => sendJson(res, 200, value()));
  app.post('/answer', (_req, res) => sendJson(res, 200, value()));
  return app;
}

const small = { nodes: [{ id: 'microsoft', caption: 'Microsoft' }] };
// Over the 1 MB under which answers are sent whole: written piece by piece, hashed piece by piece.
const large = { rows: Array.from({ length: 30_000 }, (_, index) => ({ index, text: 'x'.repeat(40) })) };

describe('ETags of JSON answers', () => {
  it.each([
    ['a small answer', small],
    ['an answer over 1 MB', large],
  ])('When %s is read twice with If-None-Match, then the second is a 304 without a body', async (_what, value) => {
    const app = appAnswering(() => value);
    const first = await request(app).get('/answer').expect(200);
    expect(first.body).toEqual(value);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    expect(first.headers['cache-control']).toBe('private, no-cache');
    expect(first.headers.vary).toMatch(/Authorization, Cookie/);
    const second = await request(app).get('/answer').set('If-None-Match', etag).expect(304);
    expect(second.text ?? '').toBe('');
    expect(second.headers.etag).toBe(etag);
    // A list of validators, weak or not, matches as RFC 9110 says If-None-Match compares.
    await request(app).get('/answer').set('If-None-Match', `"other", W/${etag}`).expect(304);
    // fetch() adds Cache-Control: no-cache to a request with If-None-Match: the origin still answers it.
    await request(app).get('/answer').set('If-None-Match', etag).set('Cache-Control', 'no-cache').expect(304);
    await request(app).get('/answer').set('If-None-Match', '"other"').expect(200);
  });

  it('When the answer changes, then its ETag changes and the old one gets the full answer', async () => {
    let value: unknown = { count: 1 };
    const app = appAnswering(() => value);
    const etag = (await request(app).get('/answer').expect(200)).headers.etag as string;
    value = { count: 2 };
    const changed = await request(app).get('/answer').set('If-None-Match', etag).expect(200);
    expect(changed.body).toEqual({ count: 2 });
    expect(changed.headers.etag).not.toBe(etag);
  });

  it('When the same body is sent whole or in pieces, then the ETag is the same hash of its bytes', async () => {
    const whole = (
      await request(appAnswering(() => large))
        .get('/answer')
        .expect(200)
    ).headers.etag as string;
    const { createHash } = await import('node:crypto');
    expect(whole).toBe(`"${createHash('sha256').update(JSON.stringify(large)).digest('base64url')}"`);
  });

  it('When the request is a POST, then no validator is sent and If-None-Match is not honoured', async () => {
    const response = await request(appAnswering(() => small))
      .post('/answer')
      .set('If-None-Match', '*')
      .expect(200);
    expect(response.headers['cache-control']).toBeUndefined();
  });

  it('When the route knows its ETag before answering, then that tag is sent instead of a hash of the body', async () => {
    const app = express();
    app.get('/answer', (_req, res) => sendJson(res, 200, small, '"g-known"'));
    const first = await request(app).get('/answer').expect(200);
    expect(first.headers.etag).toBe('"g-known"');
    await request(app).get('/answer').set('If-None-Match', '"g-known"').expect(304);
  });
});

describe('ETags of graph reads, made from the request before the read runs', () => {
  const parts = { graphVersion: 'FB:1', url: '/api/nodes/a', role: 'user:viewer', scopes: ['read'], instance: 'i' };

  it('When any part differs (version, URL, role, scopes, process), then so does the tag; the same parts give the same tag', () => {
    const tag = requestEtag(parts);
    expect(tag).toMatch(/^"g[A-Za-z0-9_-]{43}"$/);
    expect(requestEtag({ ...parts })).toBe(tag);
    expect(requestEtag({ ...parts, scopes: ['read'].reverse() })).toBe(tag);
    for (const changed of [
      { graphVersion: 'FB:2' },
      { url: '/api/nodes/a?limit=1' },
      { role: 'user:editor' },
      { scopes: ['read', 'query'] },
      { instance: 'j' },
    ]) {
      expect(requestEtag({ ...parts, ...changed })).not.toBe(tag);
    }
  });
});
