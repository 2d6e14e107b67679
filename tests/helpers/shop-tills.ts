import { fork, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

// Tills as separate processes (tests/helpers/shop-till-child.ts), each with its own data folder, all pointed at
// one shop database. A till can be stopped, SIGKILLed and started again on the same folder.

export interface ProcessTill {
  dataDir: string
  installation: string
  webhookUrl: string
  child: ChildProcess
  call<T = unknown>(channel: string, input: unknown): Promise<T>
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>
  sell(count: number, pauseMs?: number): Promise<number[]>
  /** Everything committed is pushed and the shop pulled to its end. */
  settled(): Promise<void>
  /** Every sale as the child reports it: order id and the unix ms it committed. */
  sold: Array<{ orderId: number; at: number }>
  close(): Promise<void>
  kill(): Promise<void>
}

const CHILD = fileURLToPath(new URL('./shop-till-child.ts', import.meta.url))

// Not temp-store's tempDir: the benchmark uses these tills outside Vitest. Folders go when this process exits.
const folders: string[] = []
process.once('exit', () => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })))
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'coursetill-till-'))
  folders.push(dir)
  return dir
}

export async function startProcessTill(options: { shopUrl: string; dataDir?: string; env?: Record<string, string> }): Promise<ProcessTill> {
  const dataDir = options.dataDir ?? tempDir()
  const child = fork(CHILD, [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, COURSETILL_DATA_DIR: dataDir, COURSETILL_SHOP_DATABASE_URL: options.shopUrl, ...options.env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  let next = 1
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>()
  const sold: Array<{ orderId: number; at: number }> = []
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  child.once('exit', (code, signal) => {
    for (const waiter of pending.values()) waiter.reject(new Error(`till process exited (${signal ?? code})`))
    pending.clear()
  })
  const ready = await new Promise<{ installation: string; webhookUrl: string }>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`till process exited before it was ready (${code})`)))
    child.on('message', (message: { type?: string; id?: number; ok?: boolean; value?: unknown; error?: string; orderId?: number; at?: number } & Record<string, unknown>) => {
      if (message.type === 'ready') resolve(message as never)
      else if (message.type === 'sold') sold.push({ orderId: message.orderId!, at: message.at! })
      else if (message.id !== undefined) {
        const waiter = pending.get(message.id)
        pending.delete(message.id)
        if (message.ok) waiter?.resolve(message.value)
        else waiter?.reject(new Error(message.error))
      }
    })
  })
  const send = <T>(message: Record<string, unknown>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = next++
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject })
      child.send({ ...message, id })
    })
  return {
    dataDir,
    ...ready,
    child,
    sold,
    call: (channel, input) => send({ type: 'call', channel, input }),
    query: (sql, params = []) => send({ type: 'query', sql, params }),
    sell: (count, pauseMs = 0) => send({ type: 'sell', count, pauseMs }),
    settled: () => send({ type: 'settled' }),
    async close() {
      if (child.exitCode !== null || child.signalCode !== null) return
      await send({ type: 'close' }).catch(() => undefined)
      await exited
    },
    async kill() {
      child.kill('SIGKILL')
      await exited
    },
  }
}
