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

/**
 * The web app's layers (docs/architecture.md). The pages are the shell, the one place that
 * imports features: board/ and start/, with the app's root files. Every other folder is a
 * feature (voting/, snapshots/, quickNote/, …) unless it is the kernel or part of the base; a
 * feature imports only the kernel and the base, the kernel only the base, the base only itself.
 */
const WEB_PAGES = ['board', 'start']
const WEB_KERNEL = 'kernel'
const WEB_BASE = ['api', 'components', 'i18n', 'storage', 'user', 'testing']
const WEB_LAYERS = [
  {
    // A new folder is a feature until it is listed above.
    files: ['apps/web/src/*/**'],
    ignores: [...WEB_PAGES, WEB_KERNEL, ...WEB_BASE].map((folder) => `apps/web/src/${folder}/**`),
    allowed: [WEB_KERNEL, ...WEB_BASE],
    message: 'A feature imports only the kernel and the base, never another feature or a page (docs/architecture.md).',
  },
  {
    files: [`apps/web/src/${WEB_KERNEL}/**`],
    allowed: WEB_BASE,
    message: 'The kernel imports only the base, never a feature or a page (docs/architecture.md).',
  },
  {
    files: WEB_BASE.map((folder) => `apps/web/src/${folder}/**`),
    allowed: WEB_BASE,
    message: 'The base imports only the base (docs/architecture.md).',
  },
]

/** The pattern of every relative import that leaves the importing file's folder for another than `folders`. */
function onlyInto(folders, message) {
  return { regex: `^\\.\\./(?!(${folders.join('|')})/)`, message }
}

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
  ...WEB_LAYERS.map(({ files, ignores, allowed, message }) => ({
    files,
    ...(ignores ? { ignores } : {}),
    rules: restrictImports(NOT_THE_SERVER, onlyInto(allowed, message)),
  })),
  { files: ['packages/*/src/**'], rules: restrictImports(NOT_THE_APPS) },
)
