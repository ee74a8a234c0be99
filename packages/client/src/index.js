import createClient from 'openapi-fetch';

/**
 * A typed client of the Entente API at `baseUrl` (the site, such as `https://entente.example.org`; the paths
 * carry their `/api` prefix). With `apiKey`, every request sends it as a bearer token; without one, the
 * browser's session cookie (if any) is sent as `credentials` says.
 */
export function createEntenteClient(baseUrl, options = {}) {
  const { apiKey, ...clientOptions } = options;
  const client = createClient({ ...clientOptions, baseUrl });
  if (apiKey) {
    client.use({
      onRequest({ request }) {
        if (!request.headers.has('authorization')) request.headers.set('authorization', `Bearer ${apiKey}`);
        return request;
      },
    });
  }
  return client;
}
