import { backoffDelay, type BackoffPolicy } from '../connection/backoff'
import type { CoreContext } from '../context'
import type { Logger } from '../logging/logger'
import { claimExternalPayments, claimUnownedPayments } from './claim-external'
import { installOutbox } from './outbox-triggers'
import { PULL_SOURCES, pullBatch } from './pull'
import { pushOnce, type StatementCache } from './push'
import { matchShopBook, sweepIfLanded } from './reseed'
import { SHOP_CHANGED_CHANNEL, type ShopDatabase, type ShopListener } from './shop-database'
import { migrateShop } from './shop-schema'

// Shop mode's one loop: push the outbox, claim unowned payments, pull the shop, then wait for a local commit,
// another till's NOTIFY or the poll. Any failure (the shop database down, a connection cut mid-transaction) is
// logged, shown in the sync status and retried with backoff; the till sells on from its own store meanwhile.

export interface ShopSyncOptions {
  pushBatch?: number
  pullBatch?: number
  /** How often to look for work when nothing woke the loop. */
  pollMs?: number
  backoff?: BackoffPolicy
}

export interface ShopSyncStatus {
  enabled: true
  connected: boolean
  /** Unix ms of the last pull that reached the end of every shop table: what the history is "as of". */
  asOf: number | null
  pendingPush: number
  lastError: string | null
}

export interface ShopSync {
  status(): ShopSyncStatus
  /** Resolves once everything committed before the call is pushed and the shop is pulled to its end. */
  settled(): Promise<void>
  wake(): void
  close(): Promise<void>
}

const SHOP_BACKOFF: BackoffPolicy = { baseMs: 500, maxMs: 30_000 }

export function startShopSync(ctx: CoreContext, shop: ShopDatabase, log: Logger, options: ShopSyncOptions = {}): ShopSync {
  const { db } = ctx
  installOutbox(db, ctx.now())
  const pushSize = options.pushBatch ?? 1000
  const pullSize = options.pullBatch ?? 5000
  const pollMs = options.pollMs ?? 250
  let running = true
  let connected = false
  let migrated = false
  let listener: ShopListener | null = null
  let wakeUp: (() => void) | null = null
  let pendingWake = false
  const statements: StatementCache = new Map()
  let waiters: Array<{ resolve: () => void }> = []

  const wake = () => {
    pendingWake = true
    wakeUp?.()
  }
  // Any local commit may have queued outbox rows; our own announcement of a pull is not one.
  const unsubscribe = ctx.bus.subscribe((event) => event.type !== 'shop.synced' && wake())
  const state = () => db.prepare('SELECT pulled_at, last_error FROM shop_sync_state WHERE singleton = 1').get() as { pulled_at: number | null; last_error: string | null }
  const setError = (message: string | null) => db.prepare('UPDATE shop_sync_state SET last_error = ? WHERE singleton = 1').run(message)

  async function cycle(): Promise<boolean> {
    if (!migrated) {
      await migrateShop(shop)
      migrated = true
    }
    listener ??= await shop.listen(SHOP_CHANGED_CHANNEL, (from) => from !== ctx.installationId && wake(), (error) => {
      log.warn('shop.listen_lost', { error })
      listener = null
      connected = false
    })
    let busy = false
    if ((await matchShopBook(db, shop, ctx.installationId, ctx.now())) === 'reseeded') log.warn('shop.reseeded', { installation: ctx.installationId })
    await claimUnownedPayments(db, shop, ctx.installationId, ctx.now())
    await claimExternalPayments(ctx, shop)
    const pushed = await pushOnce(db, shop, ctx.installationId, statements, pushSize)
    if (pushed > 0) db.prepare('UPDATE shop_sync_state SET pushed_at = ? WHERE singleton = 1').run(ctx.now())
    busy ||= pushed === pushSize
    busy ||= await sweepIfLanded(db, shop, ctx.installationId)
    let pulledAll = true
    let pulledAny = false
    for (const source of PULL_SOURCES) {
      const pulled = await pullBatch(db, shop, source, ctx.installationId, pullSize, ctx.now())
      if (pulled === pullSize) pulledAll = false
      if (pulled > 0 && source.name === 'shop_catalog') ctx.bus.publish({ type: 'catalog.changed' })
      pulledAny ||= pulled > 0
    }
    if (pulledAny) ctx.bus.publish({ type: 'shop.synced' })
    if (pulledAll) db.prepare('UPDATE shop_sync_state SET pulled_at = ?, last_error = NULL WHERE singleton = 1').run(ctx.now())
    connected = true
    return busy || !pulledAll
  }

  const outboxEmpty = () => db.prepare('SELECT 1 FROM sync_outbox LIMIT 1').get() === undefined
  const done = (async () => {
    let failures = 0
    while (running) {
      pendingWake = false
      let more = false
      try {
        more = await cycle()
        failures = 0
        if (!more && outboxEmpty() && !pendingWake) {
          for (const waiter of waiters) waiter.resolve()
          waiters = []
        }
      } catch (error) {
        failures++
        connected = false
        migrated = migrated && failures < 3
        setError((error as Error).message ?? String(error))
        log.warn('shop.sync_failed', { error, attempt: failures })
        await (listener as ShopListener | null)?.close().catch(() => undefined)
        listener = null
        // close() may have come during the cycle, when there was no pause to cut short.
        if (running) await pause(backoffDelay(failures, options.backoff ?? SHOP_BACKOFF))
        continue
      }
      if (running && !more && !pendingWake) await pause(pollMs)
    }
  })()

  function pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(finish, ms)
      function finish() {
        clearTimeout(timer)
        wakeUp = null
        resolve()
      }
      wakeUp = finish
    })
  }

  log.info('shop.started', { installation: ctx.installationId })
  return {
    status: () => {
      const { pulled_at, last_error } = state()
      return {
        enabled: true,
        connected,
        asOf: pulled_at,
        pendingPush: db.prepare('SELECT count(*) FROM sync_outbox').pluck().get() as number,
        lastError: last_error,
      }
    },
    settled: () =>
      new Promise<void>((resolve) => {
        waiters.push({ resolve })
        wake()
      }),
    wake,
    async close() {
      running = false
      unsubscribe()
      wakeUp?.()
      await done
      await listener?.close().catch(() => undefined)
      await shop.close()
      for (const waiter of waiters) waiter.resolve()
    },
  }
}
