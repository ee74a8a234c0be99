import { OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { Router, type Express } from 'express';
import swaggerUi from 'swagger-ui-express';
import { onlyMethods, registerHealthDocs } from '../health/health.routes.js';
import type { ApiRoutes } from '../http/route.js';

export type OpenApiDocument = ReturnType<OpenApiGeneratorV31['generateDocument']>;

/** The OpenAPI 3.1 document, generated from the routes' zod schemas (called once, after every route is added). */
export function openApiDocument(api: ApiRoutes): OpenApiDocument {
  registerHealthDocs(api.registry);
  return new OpenApiGeneratorV31(api.registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Entente API',
      version: '1.0.0',
      description:
        'Subgraphs of a Neo4j database as JSON: search, expand, paths, subgraphs, saved queries and a ' +
        'read-only Cypher console. Errors are RFC 9457 problem details.',
    },
    servers: [{ url: '/' }],
  });
}

/**
 * The document an app serves at /api/openapi.json, read without a request: the typed client is generated
 * from it (server/openapi/client.cli.ts).
 */
export function servedOpenApiDocument(app: Express): OpenApiDocument {
  return (app.locals as { openApi: OpenApiDocument }).openApi;
}

/** Serves the document and human-readable docs of it. */
export function openApiRoutes(document: OpenApiDocument): Router {
  const router = Router();
  router.get('/openapi.json', (_req, res) => res.json(document));
  router.all('/openapi.json', onlyMethods(['GET', 'HEAD']));
  // The docs page and its assets are read-only: any other method is a 405, not the page.
  router.use('/docs', (req, res, next) => {
    if (req.method === 'GET' || req.method === 'HEAD') next();
    else onlyMethods(['GET', 'HEAD'])(req, res);
  });
  router.use('/docs', swaggerUi.serve, swaggerUi.setup(document, { customSiteTitle: 'Entente API' }));
  return router;
}
