import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript';
import * as prettier from 'prettier';
import { createApp } from '../app.js';
import { loadConfig, projectRoot } from '../config.js';
import { createLogger } from '../logger.js';
import { Database } from '../neo4j/database.js';
import { Store } from '../store/store.js';
import { servedOpenApiDocument, type OpenApiDocument } from './openapi.routes.js';

/** The typed client's generated types, committed; `npm run client:generate` rewrites them. */
export const clientTypesFile = path.join(projectRoot, 'packages/client/src/openapi.d.ts');

/**
 * The document /api/openapi.json serves, built by the app itself without a server or a database: the
 * connections are opened lazily, so nothing is reached. Accounts and single sign-on are configured so that
 * every route the API can have is in it (sign-on's routes exist only when an issuer is set).
 */
export async function servedDocument(): Promise<OpenApiDocument> {
  const config = loadConfig({
    ENTENTE_AUTH: 'on',
    OIDC_ISSUER: 'https://sign-in.invalid',
    OIDC_CLIENT_ID: 'entente',
  });
  const db = new Database({ ...config.neo4j, uri: 'bolt://127.0.0.1:1' });
  const store = new Store('postgres://entente@127.0.0.1:1/entente');
  try {
    const app = createApp({ db, store, logger: createLogger('silent'), api: config.api, auth: config.auth });
    return servedOpenApiDocument(app);
  } finally {
    await db.driver.close();
    await store.close();
  }
}

/** The TypeScript types of the served document (openapi-typescript), formatted as the repository is. */
export async function generateClientTypes(): Promise<string> {
  const document = await servedDocument();
  const ast = await openapiTS(document as Parameters<typeof openapiTS>[0], {
    rootTypes: true,
    rootTypesNoSchemaPrefix: true,
  });
  const banner = `${COMMENT_HEADER}// Generated from the Entente API's OpenAPI document: npm run client:generate.\n\n`;
  const source = banner + astToString(ast);
  const options = await prettier.resolveConfig(clientTypesFile);
  return prettier.format(source, { ...options, filepath: clientTypesFile });
}

/** Rewrites the committed types; answers whether they changed. */
export async function writeClientTypes(): Promise<boolean> {
  const next = await generateClientTypes();
  const current = await readFile(clientTypesFile, 'utf8').catch(() => '');
  if (current === next) return false;
  await writeFile(clientTypesFile, next);
  return true;
}
