// `npm start` (after `electron-vite build`): the Electron app where Electron's binary is (or can be) installed; otherwise the browser host.
// Electron 45 fetches its binary on first use rather than at `npm install`, so offline installs still succeed.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { SQLITE_BINDING_ENV } from '../src/main/core/store/sqlite'
import { electronSqliteBinding } from './electron-sqlite'

const require = createRequire(import.meta.url)
const electronDir = dirname(require.resolve('electron/package.json'))
const DOWNLOAD_TIMEOUT_MS = 120_000

function installedElectronBinary(): string | null {
  const pathFile = join(electronDir, 'path.txt')
  if (!existsSync(pathFile)) return null
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : null
}

function tryDownloadElectron(): string | null {
  const result = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
    stdio: 'ignore',
    timeout: DOWNLOAD_TIMEOUT_MS,
  })
  return result.status === 0 ? installedElectronBinary() : null
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', env })
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal))
    child.on('exit', (code) => resolve(code ?? 1))
  })
}

async function main() {
  const electron = installedElectronBinary() ?? tryDownloadElectron()
  if (!electron) {
    console.log("Electron's binary is not installed and could not be downloaded (offline?): starting the browser host instead.")
  } else {
    const sqlite = electronSqliteBinding()
    if ('binding' in sqlite) process.exit(await run(electron, ['.'], { ...process.env, [SQLITE_BINDING_ENV]: sqlite.binding }))
    console.log(`better-sqlite3 could not be built for Electron (${sqlite.error}): starting the browser host instead.`)
  }
  process.exit(await run(process.execPath, ['out/main/host.js']))
}

void main()
