// `npm run import -- FILE --mapping MAPPING.json|NAME [--dry-run] [--rejected-rows fail]`: imports a file into the
// configured database with the same engine, mapping format and jobs as the API (the job is in the store, so
// it can be followed and rolled back from the explorer too). `--mapping` takes a mapping file or, when no file
// has that path, the name of a mapping saved in the store (explorer or POST /api/import-mappings).
// `npm run import -- --rollback JOB_ID` rolls one back. Exits 1 when the import failed or was refused.
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { systemCaller } from '../accounts/caller.js';
import { ConfigError, loadConfig } from '../config.js';
import { Catalog } from '../graph/catalog.js';
import { ProblemError } from '../http/problem.js';
import { createLogger } from '../logger.js';
import { Database } from '../neo4j/database.js';
import { EmbeddedStartError } from '../neo4j/embedded.js';
import { provisionNeo4j } from '../neo4j/provision.js';
import { connectStore } from '../store/connect.js';
import { migrate } from '../store/migrate.js';
import { inspectFile } from './engine.js';
import { ImportJobs, jobView, terminalStatuses } from './imports.jobs.js';
import { formatOf, mappingSchema } from './mapping.js';
import { ImportMappings } from './mappings.store.js';
import { UnreadableFile } from './readers.js';

const usage =
  'Usage: npm run import -- FILE [--mapping MAPPING.json|SAVED_NAME] [--dry-run] [--rejected-rows skip|fail]\n' +
  '       npm run import -- --rollback JOB_ID';

class CommandError extends Error {}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    mapping: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    'rejected-rows': { type: 'string', default: 'skip' },
    rollback: { type: 'string' },
  },
});

/** A mapping file, else (no file at that path) the mapping saved under that name. */
async function readMapping(file: string | undefined, saved: ImportMappings) {
  if (!file) return mappingSchema.parse({});
  if (!existsSync(file)) {
    try {
      return (await saved.get(file)).mapping;
    } catch (error) {
      if (error instanceof ProblemError && error.status === 404) {
        throw new CommandError(`${file}: no such mapping file, nor a saved mapping of that name`);
      }
      throw error;
    }
  }
  let value: unknown;
  try {
    value = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new CommandError(`${file}: ${(error as Error).message}`);
  }
  const parsed = mappingSchema.safeParse(value);
  if (!parsed.success) {
    throw new CommandError(
      `${file}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
    );
  }
  return parsed.data;
}

const caller = { ...systemCaller, name: 'command line' };

async function follow(jobs: ImportJobs, id: string) {
  for (;;) {
    const job = jobView(await jobs.get(id));
    const { rowsDone, rowsPerSecond, secondsLeft } = job.progress;
    process.stderr.write(
      `\r${job.status}: ${rowsDone} rows, ${rowsPerSecond} rows/s${secondsLeft ? `, ${secondsLeft} s left` : ''}   `,
    );
    if (terminalStatuses.has(job.status)) {
      process.stderr.write('\n');
      return job;
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

const file = positionals[0];
if ((!file && !values.rollback) || !['skip', 'fail'].includes(values['rejected-rows'] ?? '')) {
  console.error(usage);
  process.exit(2);
}
let failed: boolean;
try {
  const config = loadConfig();
  const neo4j = await provisionNeo4j(config);
  const db = new Database(neo4j.connection);
  const { store, stop } = await connectStore(config.store);
  try {
    await migrate(store);
    // The catalog, as the API passes it: after an import, a stored degree order of an imported label is written again.
    const jobs = new ImportJobs(store, db, createLogger('warn'), new Catalog(db));
    if (values.rollback) {
      await jobs.rollback(caller, values.rollback);
      const job = await follow(jobs, values.rollback);
      failed = job.status !== 'rolled-back';
      console.log(`Import ${job.id}: ${job.status}${job.failure ? ` (${job.failure})` : ''}`);
    } else {
      const mapping = await readMapping(values.mapping, new ImportMappings(store));
      const format = formatOf(file!, mapping);
      if (!format) throw new CommandError(`Cannot tell the format of ${file}; give "format" in the mapping.`);
      const { encoding } = await inspectFile(file!, format);
      const row = await jobs.start(caller, {
        path: path.resolve(file!),
        fileName: path.basename(file!),
        fileBytes: (await stat(file!)).size,
        format,
        encoding,
        mapping,
        dryRun: values['dry-run'] === true,
        rejectedRows: values['rejected-rows'] === 'fail' ? 'fail' : 'skip',
        keepFile: true,
      });
      const job = await follow(jobs, row.id);
      await jobs.settled();
      console.log(
        JSON.stringify({ id: job.id, status: job.status, encoding: job.encoding, counts: job.counts }, null, 1),
      );
      for (const error of job.errors?.slice(0, 50) ?? []) console.error(`line ${error.line}: ${error.reason}`);
      if (job.errorCount > 50)
        console.error(`… and ${job.errorCount - 50} more rejected rows (GET /api/imports/${job.id})`);
      if (job.failure) console.error(job.failure);
      failed = job.status !== 'done';
    }
  } finally {
    await stop();
    await db.close();
    await neo4j.stop();
  }
} catch (error) {
  if (
    error instanceof ConfigError ||
    error instanceof EmbeddedStartError ||
    error instanceof CommandError ||
    error instanceof UnreadableFile ||
    error instanceof ProblemError
  ) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
process.exit(failed ? 1 : 0);
