// `npm run package`: build, make the icon if a converter exists, then electron-builder for this platform.
// Where Electron cannot be downloaded (offline machines) it says so in one line and exits 2, instead of
// failing deep inside electron-builder.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

const PROBE_TIMEOUT_MS = 8_000
const ICON_SVG = 'resources/icon.svg'
const ICON_PNG = 'build/icon.png'

/** electron-builder's flag for the platform it runs on (dmg needs macOS, nsis is built on Windows). */
export function builderTarget(platform: NodeJS.Platform): '--linux' | '--win' | '--mac' | null {
  return platform === 'linux' ? '--linux' : platform === 'win32' ? '--win' : platform === 'darwin' ? '--mac' : null
}

export function electronZipName(version: string, platform: NodeJS.Platform, arch: string): string {
  return `electron-v${version}-${platform}-${arch}.zip`
}

/** Where @electron/get (used by electron-builder) fetches the zip from, honouring ELECTRON_MIRROR. */
export function electronZipUrl(version: string, platform: NodeJS.Platform, arch: string, env: NodeJS.ProcessEnv = process.env): string {
  const mirror = env.ELECTRON_MIRROR ?? 'https://github.com/electron/electron/releases/download/'
  return `${mirror.endsWith('/') ? mirror : `${mirror}/`}v${version}/${electronZipName(version, platform, arch)}`
}

/** True when electron-builder's output says a download failed (Electron, its headers, or a tool). */
export function isDownloadFailure(output: string): boolean {
  return /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|getaddrinfo|unable to download|cannot download|download.*(failed|error)|socket hang up/i.test(output)
}

function electronCacheDirs(env: NodeJS.ProcessEnv = process.env): string[] {
  if (env.ELECTRON_CACHE) return [env.ELECTRON_CACHE]
  if (process.platform === 'darwin') return [join(homedir(), 'Library', 'Caches', 'electron')]
  if (process.platform === 'win32') return [join(env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'), 'electron', 'Cache')]
  return [join(env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'electron')]
}

/** The zip in @electron/get's cache (a hashed sub-folder per download URL), if an earlier run fetched it. */
function cachedElectronZip(name: string): boolean {
  for (const dir of electronCacheDirs()) {
    if (!existsSync(dir)) continue
    if (existsSync(join(dir, name))) return true
    for (const entry of readdirSync(dir)) if (existsSync(join(dir, entry, name))) return true
  }
  return false
}

async function reachable(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { method: 'HEAD', redirect: 'follow', signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) })
    return response.ok
  } catch {
    return false
  }
}

function run(command: string, args: string[], capture = false): { status: number; output: string } {
  const result = spawnSync(command, args, { stdio: capture ? ['ignore', 'pipe', 'pipe'] : 'inherit', encoding: 'utf8', shell: process.platform === 'win32' })
  const output = capture ? `${result.stdout ?? ''}${result.stderr ?? ''}` : ''
  if (capture) process.stdout.write(output)
  return { status: result.status ?? 1, output }
}

/** build/icon.png from the SVG with whichever converter is installed; none is fine (Electron's icon is used). */
function makeIcon(): void {
  if (existsSync(ICON_PNG)) return
  mkdirSync('build', { recursive: true })
  const converters: Array<[string, string[]]> = [
    ['rsvg-convert', ['-w', '512', '-h', '512', ICON_SVG, '-o', ICON_PNG]],
    ['magick', ['-background', 'none', '-density', '1024', ICON_SVG, '-resize', '512x512', ICON_PNG]],
    ['inkscape', [ICON_SVG, '--export-type=png', `--export-filename=${ICON_PNG}`, '-w', '512', '-h', '512']],
  ]
  for (const [command, args] of converters) {
    if (spawnSync(command, args, { stdio: 'ignore' }).status === 0 && existsSync(ICON_PNG)) return void console.log(`icon: ${ICON_PNG} made with ${command}`)
  }
  console.log(`icon: no SVG converter (rsvg-convert, magick or inkscape) found; packaging with Electron's default icon (see README, Packaging)`)
}

async function main(): Promise<number> {
  const target = builderTarget(process.platform)
  if (!target) return fail(`npm run package: electron-builder does not build on ${process.platform}`)
  const version = (JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8')) as { version: string }).version
  const zip = electronZipName(version, process.platform, process.arch)
  if (!cachedElectronZip(zip) && !(await reachable(electronZipUrl(version, process.platform, process.arch)))) {
    return fail(`npm run package: cannot download Electron ${version} (${zip}) — this machine looks offline; connect to the internet or set ELECTRON_MIRROR, then run it again`)
  }
  if (run('npx', ['electron-vite', 'build']).status !== 0) return fail('npm run package: the build failed (see above)')
  makeIcon()
  const builder = keepingNodeSqlite(() => run('npx', ['electron-builder', '--config', 'electron-builder.yml', target, '--publish', 'never'], true))
  if (builder.status === 0) return console.log('npm run package: installers are in dist/'), 0
  if (isDownloadFailure(builder.output)) return fail('npm run package: electron-builder could not download what it needs (Electron, its headers for better-sqlite3, or a packaging tool); connect to the internet and run it again')
  return fail(`npm run package: electron-builder failed (exit ${builder.status}, see above)`)
}

/**
 * electron-builder rebuilds better-sqlite3 for Electron inside this project's node_modules; put the plain-Node
 * build back afterwards, or the tests, the browser host and the sandbox could no longer open a database.
 */
function keepingNodeSqlite<T>(work: () => T): T {
  const binding = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'
  const saved = existsSync(binding) ? readFileSync(binding) : null
  try {
    return work()
  } finally {
    if (saved) writeFileSync(binding, saved)
  }
}

function fail(line: string): number {
  console.error(line)
  return 2
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) void main().then((code) => process.exit(code))
