import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

const shared = { '@shared': resolve('src/shared') }

export default defineConfig({
  main: {
    resolve: { alias: shared },
    build: {
      rollupOptions: {
        // index: the Electron shell; host: the same core served to a browser in plain Node.
        input: {
          index: resolve('src/main/index.ts'),
          host: resolve('src/main/host.ts'),
        },
      },
    },
  },
  preload: {
    resolve: { alias: shared },
    build: {
      // A sandboxed preload may only require('electron'): bundle everything else, as CommonJS.
      externalizeDeps: false,
      rollupOptions: {
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    resolve: { alias: { ...shared, '@renderer': resolve('src/renderer/src') } },
    plugins: [react()],
  },
})
