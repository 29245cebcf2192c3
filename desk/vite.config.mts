import { defineConfig } from 'vite';

// The desk is served by both hosts at /desk/ (see functions/Publishing/Desk); its output is embedded in the library.
export default defineConfig({
  root: import.meta.dirname,
  base: '/desk/',
  publicDir: false,
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: false,
    target: 'es2022',
    chunkSizeWarningLimit: 1000,
  },
});
