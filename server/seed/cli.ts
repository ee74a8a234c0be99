// `npm run seed`: (re)loads the default dataset into the configured database, merging by id.
import { ConfigError, loadConfig } from '../config.js';
import { Database } from '../neo4j/database.js';
import { EmbeddedStartError } from '../neo4j/embedded.js';
import { provisionNeo4j } from '../neo4j/provision.js';
import { SeedValidationError } from './dataset.js';
import { seedDatabase } from './prepare.js';

try {
  const neo4j = await provisionNeo4j(loadConfig());
  const db = new Database(neo4j.connection);
  try {
    const dataset = await seedDatabase(db);
    console.log(
      `Loaded ${dataset.sources.length} sources, ${dataset.nodes.length} nodes and ` +
        `${dataset.relationships.length} relationships into ${neo4j.connection.uri}`,
    );
  } finally {
    await db.close();
    await neo4j.stop();
  }
} catch (error) {
  if (error instanceof ConfigError || error instanceof EmbeddedStartError || error instanceof SeedValidationError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
