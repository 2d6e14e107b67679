import type { LiveEvent } from '@shared/domain'
import type { Db } from './store/db'
import { createLiveBus, type LiveBus } from './live-bus'

/** What every core function needs: the store, a clock and the live-event bus. Passed in, never global. */
export interface CoreContext {
  db: Db
  now: () => number
  bus: LiveBus
}

export function createCoreContext(db: Db, now: () => number = Date.now): CoreContext {
  return { db, now, bus: createLiveBus() }
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
