// Bundles the server and the workspace packages it imports into dist/server.js;
// packages from the registry stay external and load from node_modules.
import * as esbuild from 'esbuild'

await esbuild.build({
  // The server, and the operator's command line (`pnpm dorfplatz …`).
  entryPoints: ['src/server.ts', 'src/cli.ts'],
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  logLevel: 'warning',
  plugins: [
    {
      name: 'externalize-registry-packages',
      setup(build) {
        build.onResolve({ filter: /^[^./]/ }, (args) =>
          args.path.startsWith('@dorfplatz/') ? undefined : { path: args.path, external: true },
        )
      },
    },
  ],
})
