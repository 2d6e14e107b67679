// better-sqlite3 in node_modules is compiled for plain Node (tests, the browser host). Electron has its own ABI,
// so `npm start` builds a second copy for it once, in node_modules/.cache, and the app loads that copy through
// COURSETILL_SQLITE_BINDING (see src/main/core/store/sqlite.ts). Packaged apps are rebuilt in place instead.
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve, sep } from 'node:path'

const require = createRequire(import.meta.url)

export function electronSqliteBinding(): { binding: string } | { error: string } {
  const electronVersion = (require('electron/package.json') as { version: string }).version
  const moduleDir = dirname(require.resolve('better-sqlite3/package.json'))
  const target = resolve('node_modules', '.cache', 'coursetill', `better-sqlite3-electron-${electronVersion}-${process.arch}`)
  const binding = join(target, 'build', 'Release', 'better_sqlite3.node')
  if (existsSync(binding)) return { binding }

  console.log(`Building better-sqlite3 for Electron ${electronVersion} (once; about two minutes)…`)
  rmSync(target, { recursive: true, force: true })
  cpSync(moduleDir, target, { recursive: true, filter: (source) => !source.includes(`${sep}build${sep}`) && !source.endsWith(`${sep}build`) })
  const result = spawnSync(
    process.execPath,
    [require.resolve('node-gyp/bin/node-gyp.js'), 'rebuild', '--release', `--target=${electronVersion}`, `--arch=${process.arch}`, '--dist-url=https://electronjs.org/headers'],
    // Electron's headers, never a local Node's: an npm `nodedir` setting would silently build for the wrong ABI.
    { cwd: target, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', env: withoutNodedir(process.env) },
  )
  if (result.status === 0 && existsSync(binding)) return { binding }
  // node-gyp ends with "not ok"; the line that says why (a failed headers download, a missing compiler) comes earlier.
  const stack = (result.stderr ?? '').split('\n').filter((line) => line.startsWith('gyp ERR! stack ')).map((line) => line.slice(15).trim())
  const first = stack.findIndex((line) => /^\w*Error:/.test(line))
  const message = first < 0 ? [] : stack.slice(first, stack.findIndex((line, i) => i > first && line.startsWith('at ')))
  return { error: message.join(' ').replace(/^\w*Error:\s*/, '') || `node-gyp exited with ${result.status}` }
}

function withoutNodedir(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const copy = { ...env }
  for (const key of Object.keys(copy)) if (key.toLowerCase() === 'npm_config_nodedir') delete copy[key]
  return copy
}
