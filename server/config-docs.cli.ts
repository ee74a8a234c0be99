import { writeConfigDocs } from './config-docs.js';

// npm run config:docs: writes .env.example and the README's configuration table from server/config.ts.
const changed = await writeConfigDocs();
console.log(changed.length ? `Written: ${changed.join(', ')}` : '.env.example and README.md were up to date');
