import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'vitest';
import { defaultSeedDir } from '../../server/seed/dataset.js';

/**
 * The five source documents of the default dataset stay outside the repository: `../shared/seeds` beside the
 * project (the folder holding this checkout), or wherever ENTENTE_SEED_DOCUMENTS says.
 */
export const sourceDocumentsDir =
  process.env.ENTENTE_SEED_DOCUMENTS ?? path.resolve(defaultSeedDir, '..', '..', 'shared', 'seeds');

export interface SourceDocument {
  /** The source id, the file name without `.txt`. */
  id: string;
  text: string;
}

/** The documents (`*.txt` in the folder), in file-name order. */
export function readSourceDocuments(): SourceDocument[] {
  return readdirSync(sourceDocumentsDir)
    .filter((file) => file.endsWith('.txt'))
    .sort()
    .map((file) => ({
      id: file.replace(/\.txt$/, ''),
      text: readFileSync(path.join(sourceDocumentsDir, file), 'utf8'),
    }));
}

/**
 * A describe block whose tests read the source documents: its title says so. When the folder is missing,
 * the block holds one failing test whose message says where the documents were expected (no stack trace,
 * no error while the file is collected).
 */
export function describeWithSourceDocuments(title: string, body: () => void): void {
  const named = `${title} (reads the source documents in ../shared/seeds)`;
  if (existsSync(sourceDocumentsDir)) {
    describe(named, body);
    return;
  }
  describe(named, () => {
    it('When the source documents are missing, then this says where they were expected', () => {
      const missing = new Error(
        `The source documents are not at ${sourceDocumentsDir}: put the shared/seeds folder beside the project, ` +
          'or set ENTENTE_SEED_DOCUMENTS to where it is.',
      );
      missing.stack = missing.message;
      throw missing;
    });
  });
}
