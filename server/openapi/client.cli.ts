import path from 'node:path';
import { projectRoot } from '../config.js';
import { clientTypesFile, writeClientTypes } from './client.generate.js';

// npm run client:generate: writes the typed client's types (packages/client) from the API's OpenAPI document.
const changed = await writeClientTypes();
const file = path.relative(projectRoot, clientTypesFile);
console.log(changed ? `Written: ${file}` : `${file} was up to date`);
