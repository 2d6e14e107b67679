import type { LiveEvent, PaymentStatus } from '@shared/domain'
import { audit } from '../audit'
import type { Db } from '../store/db'
import { sql } from '../store/statements'
import { settleOrder } from '../orders/settle'
import { scopeOf } from '../stripe/installation-scope'
import { queueUnownedPayment } from '../shop/claim-external'
import { failureOf, paymentStatusOf, TERMINAL_PAYMENT_STATUSES, type IntentFacts } from './intent-status'

export type ApplyOutcome = 'applied' | 'skipped' | 'review' | 'refetch' | 'foreign'

export interface ApplyContext {
  db: Db
  now: number
  actor: string
  queue: (event: LiveEvent) => void
  /** This till's id: another installation's objects never touch our rows. */
  installationId: string
}

export interface Observation {
  /** Stripe's unix seconds for this fact: the event's `created`. */
  at: number
  /** A just-retrieved object is the truth as of now, whatever its age relative to events. */
  fresh: boolean
}

interface PaymentRow {
  id: number
  order_id: number
  amount: number
  currency: string
  status: PaymentStatus
  stripe_synced_at: number | null
  failure_code: string | null
}

/**
 * Applies what Stripe says about a PaymentIntent to our payment row, moving only forward:
 * succeeded and canceled are final; otherwise an older event never overwrites a newer one, and two facts
 * from the same second are settled by re-reading the intent ('refetch').
 */
export function applyIntent(ctx: ApplyContext, intent: IntentFacts, seen: Observation): { outcome: ApplyOutcome; orderId: number | null } {
  const { db, now, actor, queue } = ctx
  // Another till's intent never touches our rows, even one a row here names (an earlier version could record
  // another till's intent, replayed to it under a colliding idempotency key).
  const scope = scopeOf(intent, ctx.installationId)
  if (scope === 'foreign') return { outcome: 'foreign', orderId: null }
  const row = sql(
    db,
    'SELECT id, order_id, amount, currency, status, stripe_synced_at, failure_code FROM payment WHERE stripe_payment_intent_id = ?',
  ).get(intent.id) as PaymentRow | undefined
  // Not one of ours (another app on the same Stripe account, or an intent we never recorded). In shop mode a
  // succeeded one is queued to be claimed once for the whole shop (core/shop/claim-external.ts).
  if (!row) {
    // Only an intent no till made: one naming this installation is ours and merely not recorded yet (a pay link's
    // intent can arrive before its session completes), and an older till's names its order.
    if (intent.status === 'succeeded' && scope === 'legacy' && !intent.metadata?.order_id) queueUnownedPayment(db, intent, now)
    return { outcome: 'skipped', orderId: null }
  }
  const skip = { outcome: 'skipped' as const, orderId: row.order_id }

  const target = paymentStatusOf(intent)
  const failure = failureOf(intent)
  if (TERMINAL_PAYMENT_STATUSES.has(row.status)) return skip
  if (target === row.status && failure.code === row.failure_code) return skip
  if (!TERMINAL_PAYMENT_STATUSES.has(target) && !seen.fresh && row.stripe_synced_at !== null) {
    if (seen.at < row.stripe_synced_at) return skip
    if (seen.at === row.stripe_synced_at) return { outcome: 'refetch', orderId: row.order_id }
  }

  const mismatch = target === 'succeeded' ? amountMismatch(row, intent) : null
  sql(
    db,
    `UPDATE payment SET status = ?, amount_received = ?, failure_code = coalesce(?, failure_code),
            failure_message = coalesce(?, failure_message), stripe_synced_at = max(coalesce(stripe_synced_at, 0), ?), updated_at = ?
      WHERE id = ?`,
  ).run(target, target === 'succeeded' ? intent.amount_received : 0, failure.code, failure.message, seen.at, now, row.id)
  audit(db, now, {
    actor,
    action: 'payment.status_changed',
    entityType: 'payment',
    entityId: row.id,
    orderId: row.order_id,
    detail: { from: row.status, to: target, paymentIntent: intent.id, ...(failure.code ? { failure: failure.code } : {}) },
  })
  if (intent.receipt_email !== undefined) sql(db, 'UPDATE payment SET receipt_email = ? WHERE id = ?').run(intent.receipt_email || null, row.id)
  queue({ type: 'payment.changed', orderId: row.order_id, paymentId: row.id, status: target })
  if (mismatch) flagForReview(db, now, row.order_id, actor, mismatch)
  settleOrder(db, now, row.order_id, actor, queue)
  return { outcome: mismatch ? 'review' : 'applied', orderId: row.order_id }
}

function amountMismatch(row: PaymentRow, intent: IntentFacts): string | null {
  if (intent.currency.toUpperCase() !== row.currency) {
    return `Stripe collected ${intent.currency.toUpperCase()} but the payment was in ${row.currency}`
  }
  if (intent.amount_received !== row.amount) {
    return `Stripe collected ${intent.amount_received} minor units but the payment was for ${row.amount}`
  }
  return null
}

/** The order grants nothing until a manager has looked at it (settleOrder checks review_reason). */
export function flagForReview(db: Db, now: number, orderId: number, actor: string, reason: string) {
  sql(db, 'UPDATE purchase_order SET review_reason = ?, updated_at = ? WHERE id = ?').run(reason, now, orderId)
  audit(db, now, { actor, action: 'order.flagged_for_review', entityType: 'purchase_order', entityId: orderId, orderId, detail: { reason } })
}
