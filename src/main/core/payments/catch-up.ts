import type { CatchUpStatus } from '@shared/domain'
import type { CoreContext } from '../context'
import { sql } from '../store/statements'
import { StripeEventEnvelope } from './event-envelope'
import type { CardPayments } from './card-payment'
import type { ProcessResult } from './process-event'
import type { Refunds } from './refunds'
import { idOf } from '../stripe/expandable'
import type { StripeGateway } from '../stripe/gateway'
import type { PayLinks } from '../checkout/pay-links'
import { SUBSCRIBED_EVENTS } from './subscribed-events'

/** Events can be created slightly out of order across Stripe's servers: look back this far behind the newest. */
export const SAFETY_MARGIN_SECONDS = 15 * 60
/** An intent still open this long after it last changed is re-read from Stripe. */
export const STALE_INTENT_MS = 3 * 60_000
const ABANDONED_AFTER_MS = 24 * 3600_000
const PROGRESS_EVERY_MS = 250
const FIRST_RUN_LOOKBACK_SECONDS = 3 * 24 * 3600
/** Events handed to `process` at once: enough to fill the commit batcher's group commits (256 a batch). */
const APPLY_WINDOW = 512

export interface CatchUpDeps {
  ctx: CoreContext
  /** Lists Stripe's events (the gateway's listEvents). */
  gateway: Pick<StripeGateway, 'listEvents'>
  process: (event: StripeEventEnvelope) => Promise<ProcessResult>
  payments: CardPayments
  refunds: Refunds
  /** Pay links still open are read again when nothing was heard of them for a while. */
  payLinks?: Pick<PayLinks, 'sync' | 'expireUnneeded'>
  /**
   * Payment plans, after the open payments are checked: lateness reviewed (access suspended or restored, so it
   * follows the schedule even when nobody opens the customer), then due parts charged off session (a setting).
   */
  paymentPlans?: () => Promise<number>
  /** The catalog published to Stripe (when a manager turned it on), so dashboard sales are recognised. */
  catalog?: () => Promise<unknown>
  onProgress?: (status: CatchUpStatus) => void
}

/**
 * Recovers what webhooks missed (tunnel down, app closed): lists Stripe's events since the newest one in the
 * ledger, less a margin, and applies those the ledger lacks, oldest first; then re-reads intents left open.
 */
export function createCatchUp(deps: CatchUpDeps) {
  const { ctx } = deps
  let status: CatchUpStatus = { state: 'idle', lastStartedAt: null, lastFinishedAt: null, lastError: null, eventsListed: 0, eventsApplied: 0, intentsChecked: 0, refundsRetried: 0 }
  let running: Promise<CatchUpStatus> | null = null
  let timer: NodeJS.Timeout | null = null

  let lastReport = 0
  // Progress is reported on every change of state, and in between at most a few times a second.
  const update = (patch: Partial<CatchUpStatus>) => {
    const stateChanged = patch.state !== undefined && patch.state !== status.state
    status = { ...status, ...patch }
    const now = Date.now()
    if (stateChanged || now - lastReport >= PROGRESS_EVERY_MS) {
      lastReport = now
      deps.onProgress?.(status)
    }
  }

  async function runOnce(): Promise<CatchUpStatus> {
    update({ state: 'running', lastStartedAt: ctx.now(), lastError: null, eventsListed: 0, eventsApplied: 0, intentsChecked: 0, refundsRetried: 0 })
    try {
      const missing: StripeEventEnvelope[] = []
      const known = sql(ctx.db, "SELECT 1 FROM stripe_event WHERE id = ? AND outcome <> 'failed'").pluck()
      for await (const raw of deps.gateway.listEvents(since(), SUBSCRIBED_EVENTS)) {
        update({ eventsListed: status.eventsListed + 1 })
        const event = StripeEventEnvelope.safeParse(raw)
        if (event.success && !known.get(event.data.id)) missing.push(event.data)
      }
      // Stripe lists newest first; apply in the order things happened.
      missing.sort((a, b) => a.created - b.created || a.id.localeCompare(b.id))
      await applyInOrder(missing, deps.process, () => update({ eventsApplied: status.eventsApplied + 1 }))
      // One order Stripe cannot answer for must not keep the others from being checked.
      const unchecked: string[] = []
      for (const orderId of staleOpenOrders()) {
        try {
          await deps.payments.syncOrderPayments(orderId)
        } catch (error) {
          unchecked.push(`order ${orderId}: ${error instanceof Error ? error.message : String(error)}`)
        }
        update({ intentsChecked: status.intentsChecked + 1 })
      }
      for (const orderId of staleOpenLinks()) {
        try {
          await deps.payLinks!.sync(orderId)
          // Paid another way or canceled while Stripe could not be told: the link is expired now.
          await deps.payLinks!.expireUnneeded(orderId)
        } catch (error) {
          unchecked.push(`order ${orderId}: ${error instanceof Error ? error.message : String(error)}`)
        }
      }
      update({ refundsRetried: await deps.refunds.retryPendingRefunds() })
      if (deps.paymentPlans) await deps.paymentPlans()
      if (deps.catalog) await deps.catalog()
      if (unchecked.length > 0) throw new Error(`${unchecked.length} open payment(s) could not be checked — ${unchecked[0]}`)
      update({ state: 'idle', lastFinishedAt: ctx.now() })
    } catch (error) {
      update({ state: 'failed', lastFinishedAt: ctx.now(), lastError: error instanceof Error ? error.message : String(error) })
    }
    return status
  }

  function since(): number {
    const newest = sql(ctx.db, "SELECT max(created) FROM stripe_event WHERE outcome <> 'failed'").pluck().get() as number | null
    const nowSeconds = Math.floor(ctx.now() / 1000)
    return newest === null ? nowSeconds - FIRST_RUN_LOOKBACK_SECONDS : newest - SAFETY_MARGIN_SECONDS
  }

  /** Orders with a pay link still open and not heard of since STALE_INTENT_MS (its expiry included). */
  function staleOpenLinks(): number[] {
    if (!deps.payLinks) return []
    return sql(ctx.db, "SELECT DISTINCT order_id FROM checkout_link WHERE status = 'open' AND updated_at <= ?").pluck().all(ctx.now() - STALE_INTENT_MS) as number[]
  }

  function staleOpenOrders(): number[] {
    return sql(
      ctx.db,
      `SELECT DISTINCT order_id FROM payment
        WHERE method = 'card' AND status IN ('pending', 'requires_action', 'processing') AND updated_at BETWEEN ? AND ?`,
    )
      .pluck()
      // A checkout abandoned for a day is left alone: its intent is re-read when someone reopens it.
      .all(ctx.now() - ABANDONED_AFTER_MS, ctx.now() - STALE_INTENT_MS) as number[]
  }

  return {
    /** Runs now, or joins the run in progress. */
    run(): Promise<CatchUpStatus> {
      running ??= runOnce().finally(() => (running = null))
      return running
    },
    status: () => status,
    start(intervalMs = 5 * 60_000) {
      void this.run()
      timer = setInterval(() => void this.run(), intervalMs)
      timer.unref()
    },
    stop() {
      if (timer) clearInterval(timer)
      timer = null
    },
  }
}

export type CatchUp = ReturnType<typeof createCatchUp>

/** The PaymentIntent an event is about (charges and refunds name theirs), else its own object: the unit of order. */
function intentOf(event: StripeEventEnvelope): string {
  return idOf(event.data.object.payment_intent) ?? event.data.object.id
}

/**
 * Applies events in order per PaymentIntent, many intents at a time. One `await process` per event left each in
 * its own transaction (a commit per event: most of a long catch-up); with up to APPLY_WINDOW in flight the commit
 * batcher groups them, applying each in its own savepoint in the order handed over. Per intent, an event starts
 * only after the previous one settled, exactly as one at a time, even when one goes back to Stripe for a re-read;
 * across intents order never mattered (webhooks arrive concurrently too). Exactly once is unchanged: the ledger
 * check and the effect share each event's transaction. On a failure no further event is started, those in flight
 * settle, later events of the failed intent are not applied, and the first error is thrown.
 */
async function applyInOrder(
  events: readonly StripeEventEnvelope[],
  process: (event: StripeEventEnvelope) => Promise<ProcessResult>,
  onApplied: () => void,
): Promise<void> {
  const lastOfIntent = new Map<string, Promise<void>>()
  const inFlight = new Set<Promise<void>>()
  const failures: unknown[] = []
  // Woken when an event settles (one waiter, not a Promise.race over the whole window per event).
  let slotFreed: (() => void) | null = null
  for (const event of events) {
    while (inFlight.size >= APPLY_WINDOW && failures.length === 0) await new Promise<void>((resolve) => (slotFreed = resolve))
    if (failures.length > 0) break
    const intent = intentOf(event)
    const applied = (lastOfIntent.get(intent) ?? Promise.resolve()).then(async () => {
      await process(event)
      onApplied()
    })
    lastOfIntent.set(intent, applied)
    const settled: Promise<void> = applied
      .catch((error: unknown) => void failures.push(error))
      .finally(() => {
        inFlight.delete(settled)
        if (lastOfIntent.get(intent) === applied) lastOfIntent.delete(intent)
        slotFreed?.()
      })
    inFlight.add(settled)
  }
  await Promise.all(inFlight)
  if (failures.length > 0) throw failures[0]
}
