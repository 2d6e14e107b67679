import type Stripe from 'stripe'
import type { ApplyContext, ApplyOutcome } from '../payments/apply-intent'
import type { SessionEventType, SessionFacts } from '../checkout/apply-session'
import { readSetting } from '../settings'
import { sql } from '../store/statements'
import { idOf } from '../stripe/expandable'
import { linesOf } from './course-match'
import { externalById, logDecision, recordExternalOrder } from './record'
import { placeOrQueue } from './shop-queue'

export type SessionWithLines = Stripe.Checkout.Session & { lines: Stripe.LineItem[] }

/** Off at a till that should leave external payments to another till of the shop (see README). */
export const EXTERNAL_SETTING = 'external_payments'
export const recordsExternalPayments = (ctx: Pick<ApplyContext, 'db'>) => readSetting(ctx.db, EXTERNAL_SETTING) !== 'off'

type Result = { outcome: ApplyOutcome; orderId: number | null }

/**
 * A checkout session that names no till (a Payment Link, a session made in the dashboard or by another app):
 * once paid, it is claimed here by its id (a duplicate or replayed event finds the claim and does nothing), then
 * placed — a known email and recognised courses make a paid order; anything else waits in the inbox.
 */
export function applyExternalSession(ctx: ApplyContext, type: SessionEventType, fresh: SessionWithLines | undefined, session: SessionFacts): Result {
  const paid = session.status === 'complete' && (session.payment_status === 'paid' || type === 'checkout.session.async_payment_succeeded')
  if (!paid || type === 'checkout.session.async_payment_failed' || (session.amount_total ?? 0) <= 0) return { outcome: 'skipped', orderId: null }
  if (!recordsExternalPayments(ctx)) return { outcome: 'skipped', orderId: null }
  const claimed = sql(ctx.db, 'SELECT order_id FROM external_payment WHERE stripe_object_id = ?').get(session.id) as { order_id: number | null } | undefined
  if (claimed) return { outcome: 'skipped', orderId: claimed.order_id }
  // The line items are not in the event: read the session with them, once.
  if (!fresh) return { outcome: 'refetch', orderId: null }
  const intentId = idOf(fresh.payment_intent)
  // A PaymentIntent the till already holds is not external (a session of ours whose metadata was lost).
  if (intentId && sql(ctx.db, 'SELECT 1 FROM payment WHERE stripe_payment_intent_id = ?').get(intentId)) return { outcome: 'skipped', orderId: null }
  const email = (fresh.customer_details?.email ?? fresh.customer_email ?? null)?.trim().toLowerCase() || null
  return placeOrQueue(ctx, {
    objectId: fresh.id,
    source: 'checkout_session',
    email,
    customer: idOf(fresh.customer) ?? null,
    paymentIntent: intentId ?? null,
    amount: fresh.amount_total ?? 0,
    currency: (fresh.currency ?? 'usd').toUpperCase(),
    items: fresh.lines,
    created: fresh.created,
  })
}

export interface ExternalFacts {
  objectId: string
  source: 'checkout_session' | 'invoice'
  email: string | null
  customer: string | null
  paymentIntent: string | null
  amount: number
  currency: string
  items: readonly Stripe.LineItem[]
  created: number
}

/** Claims the payment and places it: an order (paid; granted or held for review) or the inbox, with why. */
export function placeExternal(ctx: ApplyContext, facts: ExternalFacts): Result {
  const { db, now } = ctx
  const lines = linesOf(db, facts.items)
  const account = facts.email ? (sql(db, 'SELECT id, stripe_customer_id FROM account WHERE email = ? COLLATE NOCASE').get(facts.email) as { id: number; stripe_customer_id: string | null } | undefined) : undefined
  const reason = !facts.paymentIntent ? 'Stripe names no PaymentIntent for it' : !account ? (facts.email ? `No customer with the email ${facts.email}` : 'Stripe has no email for the payer') : lines.some((line) => line.courseId === null) ? `Not a course of this shop: ${lines.filter((line) => line.courseId === null).map((line) => `"${line.description}"`).join(', ')}` : null
  const id = Number(
    sql(
      db,
      `INSERT INTO external_payment (stripe_object_id, source, email, stripe_customer_id, stripe_payment_intent_id, amount, currency, lines, status, reason, account_id, stripe_created, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'unmatched', ?, ?, ?, ?, ?)`,
    ).run(facts.objectId, facts.source, facts.email, facts.customer, facts.paymentIntent, facts.amount, facts.currency, JSON.stringify(lines), reason, account?.id ?? null, facts.created, now, now).lastInsertRowid,
  )
  logDecision(db, now, id, ctx.actor, 'received', { stripeObject: facts.objectId, amount: facts.amount, currency: facts.currency, email: facts.email })
  // Found by email: the shop's Stripe customer for this person is remembered, as a sale at the till would.
  if (account && facts.customer && !account.stripe_customer_id && !sql(db, 'SELECT 1 FROM account WHERE stripe_customer_id = ?').get(facts.customer)) {
    sql(db, 'UPDATE account SET stripe_customer_id = ?, updated_at = ? WHERE id = ?').run(facts.customer, now, account.id)
  }
  ctx.queue({ type: 'external.changed', externalId: id })
  if (reason !== null || !account) {
    logDecision(db, now, id, ctx.actor, 'to_inbox', { reason })
    return { outcome: 'review', orderId: null }
  }
  const orderId = recordExternalOrder({ db, now, actor: ctx.actor, queue: ctx.queue, row: externalById(db, id)!, accountId: account.id, lines, confirmed: false })
  const held = sql(db, 'SELECT review_reason FROM purchase_order WHERE id = ?').pluck().get(orderId) !== null
  return { outcome: held ? 'review' : 'applied', orderId }
}
