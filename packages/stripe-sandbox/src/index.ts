// Offline, stateful stand-in for Stripe's REST API (test mode), persisted in its own SQLite file.
// The official `stripe` SDK talks to it unchanged: new Stripe(key, { host: '127.0.0.1', port, protocol: 'http' }).

import { randomInt } from 'node:crypto'
import Stripe from 'stripe'
import { listenOnLoopback } from './http/listen'
import type { SandboxCore } from './context'
import { createDeliveryQueue } from './delivery/queue'
import { DEFAULT_RETRY_SCHEDULE_MS } from './delivery/schedule'
import { createDeliveryWorker } from './delivery/worker'
import { createAccessPolicy } from './http/access'
import { createIdempotencyStore } from './http/idempotency'
import { createSandboxServer } from './http/server'
import { pageRoutes } from './pages/routes'
import { apiRoutes } from './resources/routes'
import type { DeliveryFaults, SandboxHandle, SandboxOptions } from './options'
import { openDb } from './store/db'
import { createObjectStore } from './store/objects'
import { startBackgroundSweeps } from './sweeps'
import { deliverySource, ensureWebhookEndpoint } from './wiring'

export type { DeliveryFaults, SandboxHandle, SandboxOptions } from './options'
export type { OpenDatabase } from './store/db'

/** Starts a sandbox; `faults` are for tests of receivers (copies, shuffled or late deliveries, none at all). */
export async function startSandbox(opts: SandboxOptions = {}, faults: DeliveryFaults = {}): Promise<SandboxHandle> {
  if (opts.apiKeys) assertTestKeys(opts.apiKeys)
  const lag = opts.account?.customerSearchLagSeconds
  if (lag !== undefined && !(Number.isInteger(lag) && lag >= 0)) {
    throw new Error(`account.customerSearchLagSeconds must be a whole number of seconds, not ${lag}`)
  }
  const db = openDb(opts.dataFile ?? ':memory:', opts.openDatabase)
  const store = createObjectStore(db)
  const queue = createDeliveryQueue(db)
  const copies = Math.max(1, faults.copies ?? 1)
  const delayMs = Math.max(0, faults.delayMs ?? 0)
  const seed = opts.delivery?.seed ?? randomInt(2 ** 31)
  let baseUrl = ''
  const core: SandboxCore = {
    db,
    store,
    now: opts.now ?? (() => Math.floor(Date.now() / 1000)),
    baseUrl: () => baseUrl,
    apiVersion: Stripe.API_VERSION,
    account: {
      rawCardData: opts.account?.rawCardData ?? false,
      customerSearchLagSeconds: lag ?? 0,
    },
    scheduleDeliveries: (eventId, endpointIds) => queue.schedule(eventId, endpointIds, copies, Date.now() + delayMs),
    webhookStatus: queue,
  }
  const worker = createDeliveryWorker(queue, deliverySource(core), {
    retryScheduleMs: opts.delivery?.retryScheduleMs ?? DEFAULT_RETRY_SCHEDULE_MS,
    timeoutMs: opts.delivery?.timeoutMs ?? 10_000,
    ordered: (opts.delivery?.ordered ?? false) && !faults.shuffle,
    concurrency: opts.delivery?.concurrency ?? 4,
    seed,
    dropRate: Math.min(1, Math.max(0, faults.drop ?? 0)),
    enabled: faults.enabled ?? true,
  })
  if (opts.webhook) ensureWebhookEndpoint(core, opts.webhook)
  const server = createSandboxServer({
    core,
    routes: apiRoutes,
    pages: pageRoutes,
    idempotency: createIdempotencyStore(db),
    afterRequest: worker.kick,
    access: createAccessPolicy({ port: () => port, publicUrl: opts.publicUrl, allowedOrigins: opts.allowedOrigins }),
    ...(opts.apiKeys ? { apiKeys: opts.apiKeys } : {}),
  })
  let port = 0
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
  return { url: baseUrl, port, close, setDeliveryEnabled: worker.setEnabled, idle: worker.idle, seed }
}

function assertTestKeys(keys: NonNullable<SandboxOptions['apiKeys']>): void {
  const bad = [
    ...keys.secret.filter((key) => !/^(?:sk|rk)_test_\w+$/.test(key)),
    ...keys.publishable.filter((key) => !/^pk_test_\w+$/.test(key)),
  ]
  if (keys.secret.length === 0) throw new Error('apiKeys.secret needs at least one sk_test_… key')
  if (bad.length > 0) throw new Error('apiKeys: secret keys are sk_test_…/rk_test_…, publishable keys pk_test_… (test mode only)')
}
