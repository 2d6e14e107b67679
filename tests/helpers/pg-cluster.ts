import { execFileSync, spawnSync } from 'node:child_process'
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'

// A throwaway PostgreSQL cluster for the shop-mode tests and the benchmark: initdb and pg_ctl under a temp
// folder, on a free loopback port. PostgreSQL refuses to run as root, so as root (CI, these machines) every
// server command runs as the `postgres` user that Debian's package creates, owning the temp folder.

export interface PgCluster {
  /** postgresql://… of the shop database (created empty). */
  url: string
  port: number
  dataDir: string
  /** Fast shutdown: open transactions roll back, as on a clean stop. */
  stop(): void
  start(): void
  /** SIGKILL of the postmaster and every backend: a crash, recovered from the WAL at the next start. */
  kill(): void
  destroy(): void
}

export function postgresBinDir(): string {
  const root = '/usr/lib/postgresql'
  const versions = existsSync(root) ? readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : []
  if (versions.length === 0) throw new Error('PostgreSQL is not installed: apt-get install -y postgresql (Debian)')
  return join(root, versions[0]!, 'bin')
}

const asRoot = process.getuid?.() === 0

function runAsServerUser(bin: string, args: string[], options: { allowFail?: boolean } = {}) {
  const [command, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args]
  const result = spawnSync(command, argv, { encoding: 'utf8' })
  if (result.status !== 0 && !options.allowFail) throw new Error(`${bin} ${args.join(' ')} failed: ${result.stderr || result.stdout}`)
  return result
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

export async function startPgCluster(options: { fsync?: boolean } = {}): Promise<PgCluster> {
  const bin = postgresBinDir()
  const root = mkdtempSync(join(tmpdir(), 'coursetill-pg-'))
  const dataDir = join(root, 'data')
  const socketDir = join(root, 'sock')
  mkdirSync(socketDir)
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim())
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim())
    chownSync(root, uid, gid)
    chownSync(socketDir, uid, gid)
  }
  runAsServerUser(join(bin, 'initdb'), ['-D', dataDir, '-A', 'trust', '-U', 'shop', '-E', 'UTF8', '--no-sync', '--no-locale'])
  const port = await freePort()
  const settings = [
    `-p ${port}`,
    `-k ${socketDir}`,
    "-c listen_addresses='127.0.0.1'",
    `-c fsync=${options.fsync ? 'on' : 'off'}`,
    '-c max_connections=60',
  ].join(' ')
  const start = () => {
    runAsServerUser(join(bin, 'pg_ctl'), ['-D', dataDir, '-o', settings, '-l', join(root, 'server.log'), '-w', '-t', '60', 'start'])
  }
  start()
  const admin = new pg.Client({ host: '127.0.0.1', port, user: 'shop', database: 'postgres' })
  await admin.connect()
  await admin.query('CREATE DATABASE shop')
  await admin.end()
  const stop = () => {
    runAsServerUser(join(bin, 'pg_ctl'), ['-D', dataDir, '-m', 'fast', '-w', 'stop'], { allowFail: true })
  }
  return {
    url: `postgresql://shop@127.0.0.1:${port}/shop`,
    port,
    dataDir,
    start,
    stop,
    kill() {
      const pidFile = join(dataDir, 'postmaster.pid')
      if (!existsSync(pidFile)) return
      const postmaster = Number(readFileSync(pidFile, 'utf8').split('\n')[0])
      const children = childrenOf(postmaster)
      for (const pid of [postmaster, ...children]) {
        try {
          process.kill(pid, 'SIGKILL')
        } catch {
          // already gone
        }
      }
      waitUntilGone([postmaster, ...children])
      // The dead postmaster may linger as a zombie where PID 1 reaps nothing (containers), and the next start
      // would take it for a live one: the lock file goes, as an operator removes it after a crash.
      rmSync(pidFile, { force: true })
      rmSync(join(socketDir, `.s.PGSQL.${port}.lock`), { force: true })
      rmSync(join(socketDir, `.s.PGSQL.${port}`), { force: true })
    },
    destroy() {
      stop()
      rmSync(root, { recursive: true, force: true })
    },
  }
}

/** The server processes under the postmaster, read from /proc (by parent pid, never by name). */
function childrenOf(parent: number): number[] {
  const pids: number[] = []
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      if (ppid === parent) pids.push(Number(entry))
    } catch {
      // exited while we looked
    }
  }
  return pids
}

function waitUntilGone(pids: number[]) {
  const deadline = Date.now() + 10_000
  for (const pid of pids) {
    while (Date.now() < deadline && existsSync(`/proc/${pid}`) && !readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z')) {
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20)
    }
  }
}
