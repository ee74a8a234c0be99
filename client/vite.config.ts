import react from '@vitejs/plugin-react';
import { gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

/** What the page may fetch before it can draw, gzipped: the entry chunk, the chunks it imports and its CSS. */
const firstLoadBudgetKb = 300;

/**
 * Prints the first load's gzipped size (JavaScript and CSS reached from the entry without a dynamic import)
 * and fails the build above the budget. Lazy chunks, such as the Cypher console, are not part of it; the
 * layout worker, which starts with the canvas, is printed beside it.
 */
function firstLoadSize(): Plugin {
  return {
    name: 'entente-first-load-size',
    apply: 'build',
    generateBundle(_options, bundle) {
      const gzip = (source: string | Uint8Array) => gzipSync(source).length;
      const files = new Set<string>();
      const visit = (fileName: string) => {
        const output = bundle[fileName];
        if (!output || output.type !== 'chunk' || files.has(fileName)) return;
        files.add(fileName);
        output.viteMetadata?.importedCss.forEach((css) => files.add(css));
        output.imports.forEach(visit);
      };
      Object.values(bundle).forEach((output) => output.type === 'chunk' && output.isEntry && visit(output.fileName));
      const sizeOf = (fileName: string) => {
        const output = bundle[fileName]!;
        return gzip(output.type === 'chunk' ? output.code : output.source);
      };
      const total = [...files].reduce((sum, fileName) => sum + sizeOf(fileName), 0);
      const worker = Object.keys(bundle).filter((fileName) => /worker/.test(fileName));
      const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
      const line =
        `first load: ${kb(total)} gzipped JavaScript and CSS (${files.size} files, budget ${firstLoadBudgetKb} kB)` +
        (worker.length ? `; layout worker beside it: ${kb(worker.reduce((sum, name) => sum + sizeOf(name), 0))}` : '');
      console.log(`\n${line}`);
      if (total > firstLoadBudgetKb * 1000) this.error(`${line}: over budget`);
    },
  };
}

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react(), firstLoadSize()],
  // Minified sizes (Cytoscape, the console's editor) are above Vite's default warning; the gzipped first
  // load is what the budget above holds.
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1200 },
  server: { proxy: { '/api': 'http://localhost:8080' } },
});
