// Builds the harness page to out/elements-harness. Development React on purpose:
// StrictMode then mounts, destroys and re-mounts the Payment Element, as in `npm start`.

import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

export const harnessRoot = fileURLToPath(new URL('.', import.meta.url))
export const harnessOutDir = fileURLToPath(new URL('../../../out/elements-harness', import.meta.url))

export default defineConfig({
  root: harnessRoot,
  base: './',
  mode: 'development',
  plugins: [react()],
  define: { 'process.env.NODE_ENV': JSON.stringify('development') },
  build: { outDir: harnessOutDir, emptyOutDir: true, minify: false, sourcemap: true, reportCompressedSize: false },
  logLevel: 'warn',
})
