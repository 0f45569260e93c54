// The officer console: a small React app that the Koa server serves at /console (see server/src/middleware/console.ts).
import path from 'node:path';
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  base: '/console/',
  // Vite 8 compiles TSX with oxc; no React plugin is needed for a production build.
  oxc: { jsx: { runtime: 'automatic' } },
  resolve: { alias: { '@changhu/rules': path.resolve(import.meta.dirname, '../../rules/src/index.ts') } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    reportCompressedSize: false,
  },
  // `npx vite --config server/console/vite.config.mts` while the API runs on :3000 (npm start).
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
  logLevel: 'warn',
});
