import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'client/dist/', 'node_modules/', '.data/', 'test/bench/results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['client/**/*.{ts,tsx}'],
    extends: [tseslint.configs.recommendedTypeChecked, reactHooks.configs.flat.recommended],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // A warning does not fail `npm run lint`, and a missing dependency is a stale value on screen.
      'react-hooks/exhaustive-deps': 'error',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              // A regex: a gitignore-style group cannot let a file through once its folder is excluded.
              regex:
                '/server/(?!graph/(graph|editing)\\.schemas\\.js$|accounts/(accounts\\.schemas|roles)\\.js$|investigations/investigations\\.schemas\\.js$|imports/imports\\.schemas\\.js$)',
              message:
                'The client takes the API shapes from the contracts (server/graph/graph.schemas.ts, ' +
                'server/graph/editing.schemas.ts, server/accounts/accounts.schemas.ts, ' +
                'server/investigations/investigations.schemas.ts, server/imports/imports.schemas.ts) and the roles ' +
                'from server/accounts/roles.ts.',
            },
            {
              group: [
                '**/server/graph/graph.schemas.js',
                '**/server/graph/editing.schemas.js',
                '**/server/accounts/accounts.schemas.js',
                '**/server/investigations/investigations.schemas.js',
                '**/server/imports/imports.schemas.js',
              ],
              allowTypeImports: true,
              message: 'Types only: the schemas would bring zod into the first load.',
            },
          ],
        },
      ],
    },
  },
  {
    // The explorer's requests: their shapes come from the generated client only (npm run client:generate).
    files: ['client/src/api/*.ts', 'client/src/*/*Api.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '/server/',
              message: 'Request and response types come from the generated client (@entente/client), not server/.',
            },
          ],
        },
      ],
    },
  },
  {
    // Code both sides run (the API and the explorer's workers): pure, graphology and its algorithms only, and
    // other shared modules (one level up at most: shared/ has one level of folders).
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!graphology(-[a-z-]+)?(/[a-z/-]+\\.js)?$|\\.\\.?/[A-Za-z-]+\\.js$)',
              message:
                'Shared code runs on the server and in the browser: graphology, its algorithm packages and shared modules only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['server/graph/graph.schemas.ts', 'server/graph/editing.schemas.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!(zod|@asteasolutions/zod-to-openapi)$)',
              message: 'The contract is shared with the client: zod and its OpenAPI extension only.',
            },
          ],
        },
      ],
    },
  },
  {
    // The role table is the client's too (roles to pick, scopes to check): it must stay free of imports.
    files: ['server/accounts/roles.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '.', message: 'roles.ts is shared with the client: it imports nothing.' }] },
      ],
    },
  },
  {
    files: ['server/**/*.ts', 'test/**/*.ts'],
    ignores: ['test/unit/client/**'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
  },
  {
    // The client's unit tests belong to the client's TypeScript project, not the root one.
    files: ['test/unit/client/**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { project: './client/tsconfig.json', tsconfigRootDir: import.meta.dirname } },
  },
  {
    // Tests read answers whose shape is what they assert (supertest bodies, page.evaluate results): typing
    // each one would restate the contract the test checks, so untyped member access is allowed there only.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
);
