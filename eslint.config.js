import js from '@eslint/js'
import globals from 'globals'
import reactHooks from 'eslint-plugin-react-hooks'
import tseslint from 'typescript-eslint'

/**
 * The server's layers import only downward (docs/architecture.md): routes → boards → sync →
 * storage. Each entry: the files of a layer, and the layers above it that they may not import.
 */
const SERVER_LAYERS = [
  { files: ['apps/server/src/boards/**'], above: ['routes', 'plugins'] },
  { files: ['apps/server/src/sync/**'], above: ['boards', 'routes', 'plugins'] },
  { files: ['apps/server/src/storage/**'], above: ['sync', 'boards', 'routes', 'plugins'] },
]

const NOT_THE_WEB_APP = { group: ['**/apps/web/*', '**/web/src/*', '@dorfplatz/web'], message: 'The server never imports the web app.' }
const NOT_THE_SERVER = { group: ['**/apps/server/*', '**/server/src/*', '@dorfplatz/server'], message: 'The web app never imports the server.' }
const NOT_THE_APPS = { group: ['**/apps/*', '@dorfplatz/server', '@dorfplatz/web'], message: 'Packages never import the apps.' }

/** `no-restricted-imports` with these pattern groups (a later block's rule replaces an earlier one's, so each block lists all it needs). */
const restrictImports = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] })

/** The pattern group of a layer's folders above it, as siblings of the importing file's folder. */
function layersAbove(folders) {
  return {
    group: folders.flatMap((folder) => [`../${folder}/*`, `../../${folder}/*`]),
    message: 'A layer of the server imports only the layers below it (docs/architecture.md).',
  }
}

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'tests/.artifacts/**', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  { files: ['apps/server/src/**'], rules: restrictImports(NOT_THE_WEB_APP) },
  ...SERVER_LAYERS.map(({ files, above }) => ({ files, rules: restrictImports(NOT_THE_WEB_APP, layersAbove(above)) })),
  { files: ['apps/web/src/**'], rules: restrictImports(NOT_THE_SERVER) },
  { files: ['packages/*/src/**'], rules: restrictImports(NOT_THE_APPS) },
)
