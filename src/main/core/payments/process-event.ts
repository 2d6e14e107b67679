import { inTransaction, type CoreContext } from '../context'
import type { CommitBatcher } from './commit-batcher'
import { sql } from '../store/statements'
import type { LiveEvent } from '@shared/domain'
import type { StripeEventEnvelope } from './event-envelope'
import { EVENT_HANDLERS, type HandlerResult } from './event-handlers'
import type { StripeReader } from '../stripe/gateway'
import { isSubscribedEvent } from './subscribed-events'

export type LedgerOutcome = 'applied' | 'skipped' | 'unhandled' | 'review' | 'failed' | 'foreign'

export interface ProcessResult {
  outcome: LedgerOutcome
  /** The ledger already had this event: nothing was done again. */
  duplicate: boolean
}

export interface EventDeps {
  ctx: CoreContext
  /** Null when no Stripe account is configured: payloads are then taken as they are. */
  reader: StripeReader | null
  /** Group commit for concurrent deliveries; without one, each event commits on its own. */
  batcher?: CommitBatcher
}

const MAX_REREADS = 2
const REFETCH = Symbol('refetch')

/**
 * Applies one Stripe event exactly once. The ledger row (stripe_event) and the event's effect commit in one
 * transaction, so a crash leaves neither; the caller acknowledges Stripe only after this resolves.
 * A failed event is recorded as failed and processed again when Stripe retries it.
 */
export async function processStripeEvent(deps: EventDeps, event: StripeEventEnvelope): Promise<ProcessResult> {
  const { ctx } = deps
  const handler = isSubscribedEvent(event.type) ? EVENT_HANDLERS[event.type] : null
  let fresh: unknown
  try {
    const commit = <T>(work: (queue: (event: LiveEvent) => void) => T): Promise<T> =>
      deps.batcher ? deps.batcher.run(work) : Promise.resolve(inTransaction(ctx, work))
    for (let reread = 0; reread <= MAX_REREADS; reread++) {
      const result = await commit((queue) => {
        const seen = sql(ctx.db, 'SELECT outcome FROM stripe_event WHERE id = ?').get(event.id) as { outcome: LedgerOutcome } | undefined
        if (seen && seen.outcome !== 'failed') return { outcome: seen.outcome, duplicate: true }
        const now = ctx.now()
        // Unknown types are recorded too, so catch-up does not fetch them again and the timeline shows them.
        const applied: HandlerResult | { outcome: 'unhandled'; orderId: null } = handler
          ? handler.apply({ db: ctx.db, now, actor: 'stripe', queue, installationId: ctx.installationId }, event, fresh)
          : { outcome: 'unhandled', orderId: null }
        if (applied.outcome === 'refetch') return REFETCH
        record(ctx, event, applied.outcome, applied.orderId, null, now)
        return { outcome: applied.outcome, duplicate: false }
      })
      if (result !== REFETCH) return result
      // The payload may be stale: read the object as it is now, outside the transaction, then try again.
      fresh = deps.reader && handler ? await handler.refetch(deps.reader, event) : event.data.object
    }
    throw new Error(`${event.type} ${event.id} still needed a re-read after ${MAX_REREADS} reads`)
  } catch (error) {
    inTransaction(ctx, () => record(ctx, event, 'failed', null, error instanceof Error ? error.message : String(error), ctx.now()))
    throw error
  }
}

/** `now` is the same instant the handler stamped its effects with, so the ledger row and its audit rows agree. */
function record(ctx: CoreContext, event: StripeEventEnvelope, outcome: LedgerOutcome, orderId: number | null, error: string | null, now: number) {
  sql(
    ctx.db,
    `INSERT INTO stripe_event (id, type, created, object_id, order_id, received_at, processed_at, outcome, error)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET processed_at = excluded.processed_at, outcome = excluded.outcome,
       error = excluded.error, order_id = coalesce(excluded.order_id, order_id)`,
  ).run(event.id, event.type, event.created, event.data.object.id, orderId, now, outcome === 'failed' ? null : now, outcome, error)
}
