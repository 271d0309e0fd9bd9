import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { pathAliases } from './pathAliases.ts';

/** Builds the renderer into dist/renderer; both shells serve it from there. */
export default defineConfig({
  root: 'renderer',
  base: './',
  publicDir: false,
  plugins: [react()],
  resolve: { alias: pathAliases },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2023',
    chunkSizeWarningLimit: 2000,
  },
});
