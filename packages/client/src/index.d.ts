import type { Client, ClientOptions } from 'openapi-fetch';
import type { paths } from './openapi.js';

// Every path, operation and named schema of the API (generated: `npm run client:generate` in Entente).
export type * from './openapi.js';

export interface EntenteClientOptions extends Omit<ClientOptions, 'baseUrl'> {
  /** An API key (POST /api/keys in Entente), sent as `Authorization: Bearer <key>`. */
  apiKey?: string;
}

/** openapi-fetch's client over Entente's paths: `GET`, `POST`, `PUT`, `PATCH`, `DELETE`, `use`. */
export type EntenteClient = Client<paths>;

/**
 * A typed client of the Entente API at `baseUrl` (the site, such as `https://entente.example.org`; the paths
 * carry their `/api` prefix). Every call answers `{ data, error, response }`: `data` on success, `error`
 * (an RFC 9457 problem) otherwise.
 */
export function createEntenteClient(baseUrl: string, options?: EntenteClientOptions): EntenteClient;
