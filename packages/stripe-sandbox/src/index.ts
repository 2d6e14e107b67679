// Offline, stateful stand-in for Stripe's REST API (test mode), persisted in its own SQLite file.
// The official `stripe` SDK talks to it unchanged: new Stripe(key, { host: '127.0.0.1', port, protocol: 'http' }).

import Stripe from 'stripe'
import { listenOnLoopback } from './http/listen'
import type { SandboxCore } from './context'
import { createDeliveryQueue } from './delivery/queue'
import { DEFAULT_RETRY_SCHEDULE_MS } from './delivery/schedule'
import { createDeliveryWorker } from './delivery/worker'
import { createIdempotencyStore } from './http/idempotency'
import { createSandboxServer } from './http/server'
import { pageRoutes } from './pages/routes'
import { apiRoutes } from './resources/routes'
import { openDb, type OpenDatabase } from './store/db'
import { createObjectStore } from './store/objects'
import { startBackgroundSweeps } from './sweeps'
import { deliverySource, ensureWebhookEndpoint } from './wiring'

export interface SandboxOptions {
  dataFile?: string // SQLite file; ':memory:' allowed; default ':memory:'
  openDatabase?: OpenDatabase // how to open it (the native binding to use); default: the installed better-sqlite3
  port?: number // 0 or undefined = free port; binds 127.0.0.1 only
  publicUrl?: string // override base URL printed/used in urls (default http://127.0.0.1:<port>)
  delivery?: {
    retryScheduleMs?: number[] // default Stripe test-mode-like schedule; tests pass e.g. [50,100,200]
    timeoutMs?: number // per attempt, default 10_000
    copies?: number // deliver each event N times (test option), default 1
    shuffle?: boolean // shuffle delivery order within a batch (test option)
    delayMs?: number // deliver late (test option)
    enabled?: boolean // default true; false = record events but send nothing (tests of "no webhooks")
  }
  webhook?: { url: string; secret?: string } // convenience: registers an endpoint for all event types ('*') at start
  now?: () => number // clock injection for tests (unix seconds), default real time
}

export interface SandboxHandle {
  url: string // e.g. http://127.0.0.1:54321  (SDK: new Stripe(key,{host:'127.0.0.1',port,protocol:'http'}))
  port: number
  close(): Promise<void> // stops server and delivery, closes db
  setDeliveryEnabled(on: boolean): void
  idle(): Promise<void> // resolves when no webhook delivery is pending/in flight (tests use it)
}


export async function startSandbox(opts: SandboxOptions = {}): Promise<SandboxHandle> {
  const db = openDb(opts.dataFile ?? ':memory:', opts.openDatabase)
  const store = createObjectStore(db)
  const queue = createDeliveryQueue(db)
  const copies = Math.max(1, opts.delivery?.copies ?? 1)
  const delayMs = Math.max(0, opts.delivery?.delayMs ?? 0)
  let baseUrl = ''
  const core: SandboxCore = {
    db,
    store,
    now: opts.now ?? (() => Math.floor(Date.now() / 1000)),
    baseUrl: () => baseUrl,
    apiVersion: Stripe.API_VERSION,
    scheduleDeliveries: (eventId, endpointIds) => queue.schedule(eventId, endpointIds, copies, Date.now() + delayMs),
    webhookStatus: queue,
  }
  const worker = createDeliveryWorker(queue, deliverySource(core), {
    retryScheduleMs: opts.delivery?.retryScheduleMs ?? DEFAULT_RETRY_SCHEDULE_MS,
    timeoutMs: opts.delivery?.timeoutMs ?? 10_000,
    shuffle: opts.delivery?.shuffle ?? false,
    enabled: opts.delivery?.enabled ?? true,
  })
  if (opts.webhook) ensureWebhookEndpoint(core, opts.webhook)
  const server = createSandboxServer({
    core,
    routes: apiRoutes,
    pages: pageRoutes,
    idempotency: createIdempotencyStore(db),
    afterRequest: worker.kick,
  })
  let port: number
  try {
    port = await listenOnLoopback(server, opts.port ?? 0)
  } catch (error) {
    db.close()
    throw error
  }
  baseUrl = (opts.publicUrl ?? `http://127.0.0.1:${port}`).replace(/\/+$/, '')
  const stopSweeps = startBackgroundSweeps(core, worker.kick)
  // Deliveries still pending from a previous run (file-backed sandbox) resume now.
  worker.kick()

  let closing: Promise<void> | undefined
  const close = () => {
    closing ??= (async () => {
      stopSweeps()
      await worker.close()
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
      db.close()
    })()
    return closing
  }
  return { url: baseUrl, port, close, setDeliveryEnabled: worker.setEnabled, idle: worker.idle }
}
