import type { LiveEvent } from '@shared/domain'
import type { Db } from './store/db'
import { readInstallationId } from './installation'
import { createLiveBus, type LiveBus } from './bus/live-bus'
import { silentLogger, type Logger } from './logging/logger'

/** What every core function needs: the store, a clock and the live-event bus. Passed in, never global. */
export interface CoreContext {
  db: Db
  now: () => number
  bus: LiveBus
  /** This till's id among the tills on one Stripe account (see stripe/installation-scope.ts). */
  readonly installationId: string
}

/** `log` hears of a failing bus listener; the till passes its own, tests may leave it silent. */
export function createCoreContext(db: Db, now: () => number = Date.now, log: Logger = silentLogger): CoreContext {
  let installationId: string | undefined
  return {
    db,
    now,
    bus: createLiveBus(log),
    // Read on first use: a store opened at an older schema (migration tests) has none until it is migrated.
    get installationId() {
      installationId ??= readInstallationId(db)
      return installationId
    },
  }
}

/**
 * Runs fn in one IMMEDIATE transaction (taking the write lock up front avoids SQLITE_BUSY upgrades)
 * and publishes the live events it queued only after the commit, so no window sees a change that rolled back.
 */
export function inTransaction<T>(ctx: CoreContext, fn: (queue: (event: LiveEvent) => void) => T): T {
  const queued: LiveEvent[] = []
  const result = ctx.db.transaction(() => fn((event) => queued.push(event))).immediate()
  for (const event of queued) ctx.bus.publish(event)
  return result
}
