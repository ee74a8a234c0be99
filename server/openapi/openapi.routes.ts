import { OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { Router } from 'express';
import swaggerUi from 'swagger-ui-express';
import type { ApiRoutes } from '../http/route.js';

/** The OpenAPI 3.1 document, generated from the routes' zod schemas, and human-readable docs of it. */
export function openApiRoutes(api: ApiRoutes): Router {
  const document = new OpenApiGeneratorV31(api.registry.definitions).generateDocument({
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
  const router = Router();
  router.get('/openapi.json', (_req, res) => res.json(document));
  router.use('/docs', swaggerUi.serve, swaggerUi.setup(document, { customSiteTitle: 'Entente API' }));
  return router;
}
