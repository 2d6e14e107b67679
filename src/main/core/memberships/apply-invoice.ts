import type Stripe from 'stripe'
import { audit } from '../audit'
import { settleOrder } from '../orders/settle'
import type { ApplyContext, ApplyOutcome } from '../payments/apply-intent'
import { flagForReview } from '../payments/apply-intent'
import { sql } from '../store/statements'
import { MEMBERSHIP_METADATA_KEY } from '../stripe/billing-gateway'
import { scopeOf } from '../stripe/installation-scope'
import { findMembership, type MembershipRow } from './membership-row'
import { idOf } from '../stripe/expandable'
import { applyExternalInvoice, type ExternalInvoiceFacts } from '../external/apply-external-invoice'

export type InvoiceFacts = Pick<Stripe.Invoice, 'id' | 'status' | 'amount_paid' | 'currency' | 'billing_reason' | 'parent' | 'period_end' | 'attempt_count' | 'next_payment_attempt'> & {
  payments?: { data: Array<Pick<Stripe.InvoicePayment, 'status' | 'payment' | 'is_default'>> }
}

type Result = { outcome: ApplyOutcome; orderId: number | null }

/** The subscription an invoice bills and the metadata Stripe copied from it (ours names this installation). */
function subscriptionOf(invoice: InvoiceFacts): { id: string | null; metadata: Record<string, string> } {
  const details = invoice.parent?.subscription_details
  const sub = details?.subscription
  return { id: typeof sub === 'string' ? sub : (sub?.id ?? null), metadata: details?.metadata ?? {} }
}

/** Our membership for this invoice, or why there is none. */
function membershipFor(ctx: ApplyContext, invoice: InvoiceFacts): MembershipRow | 'foreign' | null {
  const sub = subscriptionOf(invoice)
  if (scopeOf({ metadata: sub.metadata }, ctx.installationId) === 'foreign') return 'foreign'
  if (!sub.id) return null
  return findMembership(ctx.db, sub.id, sub.metadata[MEMBERSHIP_METADATA_KEY]) ?? null
}

/** The PaymentIntent that paid the invoice (API 2025-03-31+: invoice.payments; only sent when expanded). */
function paidIntentOf(invoice: InvoiceFacts): string | null | undefined {
  if (!invoice.payments) return undefined
  const paid = invoice.payments.data.find((p) => p.status === 'paid' && p.payment.type === 'payment_intent')
  return idOf(paid?.payment.payment_intent)
}

/**
 * invoice.paid: one order per invoice. The first period's order was made at the till (recurring_invoice names it):
 * its payment is marked paid. Any other paid invoice (a renewal) becomes a new order, paid, with its payment linked
 * to the invoice's PaymentIntent; the UNIQUE invoice id makes a duplicate or late event a no-op.
 */
export function applyInvoicePaid(ctx: ApplyContext, invoice: InvoiceFacts): Result {
  const { db, now, actor, queue } = ctx
  const membership = membershipFor(ctx, invoice)
  if (membership === 'foreign') return { outcome: 'foreign', orderId: null }
  // No membership of ours: a one-off invoice made outside the till may be a sale of courses (core/external).
  if (!membership) return applyExternalInvoice(ctx, invoice as ExternalInvoiceFacts)
  if (invoice.status !== 'paid' || invoice.amount_paid <= 0) return { outcome: 'skipped', orderId: membership.first_order_id }
  const intentId = paidIntentOf(invoice)
  if (intentId === undefined) return { outcome: 'refetch', orderId: membership.first_order_id }
  const known = sql(db, 'SELECT order_id FROM recurring_invoice WHERE stripe_invoice_id = ?').pluck().get(invoice.id) as number | undefined
  const currency = invoice.currency.toUpperCase()
  if (known !== undefined) return markOrderPaid(ctx, known, intentId, invoice)
  if (!intentId) return { outcome: 'skipped', orderId: membership.first_order_id }
  const kind = invoice.billing_reason === 'subscription_create' ? 'membership' : 'renewal'
  const orderId = Number(
    sql(
      db,
      `INSERT INTO purchase_order (account_id, amount, currency, status, kind, created_at, updated_at) VALUES (?, ?, ?, 'pending', ?, ?, ?)`,
    ).run(membership.account_id, invoice.amount_paid, currency, kind, now, now).lastInsertRowid,
  )
  sql(db, 'INSERT INTO recurring_invoice (stripe_invoice_id, recurring_payment_id, order_id, billing_reason, period_end) VALUES (?, ?, ?, ?, ?)').run(
    invoice.id,
    membership.id,
    orderId,
    invoice.billing_reason ?? 'subscription_cycle',
    invoice.period_end * 1000,
  )
  sql(
    db,
    `INSERT INTO payment (order_id, method, amount, amount_received, currency, status, stripe_payment_intent_id, created_at, updated_at)
     VALUES (?, 'card', ?, ?, ?, 'succeeded', ?, ?, ?)`,
  ).run(orderId, invoice.amount_paid, invoice.amount_paid, currency, intentId, now, now)
  audit(db, now, {
    actor,
    action: 'order.renewal_created',
    entityType: 'purchase_order',
    entityId: orderId,
    orderId,
    detail: { membershipId: membership.id, invoice: invoice.id, paymentIntent: intentId, amount: invoice.amount_paid, currency },
  })
  if (currency !== membership.currency || invoice.amount_paid !== membership.amount) {
    flagForReview(db, now, orderId, actor, `Stripe billed ${invoice.amount_paid} ${currency}; the membership is ${membership.amount} ${membership.currency}`)
  }
  sql(db, 'UPDATE recurring_payment SET last_failure = NULL, updated_at = ? WHERE id = ?').run(now, membership.id)
  settleOrder(db, now, orderId, actor, queue)
  queue({ type: 'membership.changed', accountId: membership.account_id, membershipId: membership.id, status: membership.status })
  return { outcome: 'applied', orderId }
}

/** The till's own order for this invoice: its card payment is paid (the intent's own events may be late or lost). */
function markOrderPaid(ctx: ApplyContext, orderId: number, intentId: string | null, invoice: InvoiceFacts): Result {
  const { db, now, actor, queue } = ctx
  const payment = sql(db, "SELECT id, status, amount, currency FROM payment WHERE order_id = ? AND stripe_payment_intent_id IS ? AND method = 'card'").get(orderId, intentId) as
    | { id: number; status: string; amount: number; currency: string }
    | undefined
  if (!payment || payment.status === 'succeeded' || payment.status === 'canceled') return { outcome: 'skipped', orderId }
  sql(db, "UPDATE payment SET status = 'succeeded', amount_received = ?, updated_at = ? WHERE id = ?").run(invoice.amount_paid, now, payment.id)
  audit(db, now, { actor, action: 'payment.status_changed', entityType: 'payment', entityId: payment.id, orderId, detail: { from: payment.status, to: 'succeeded', invoice: invoice.id } })
  queue({ type: 'payment.changed', orderId, paymentId: payment.id, status: 'succeeded' })
  if (invoice.amount_paid !== payment.amount || invoice.currency.toUpperCase() !== payment.currency) {
    flagForReview(db, now, orderId, actor, `Stripe collected ${invoice.amount_paid} ${invoice.currency.toUpperCase()} but the payment was for ${payment.amount} ${payment.currency}`)
  }
  settleOrder(db, now, orderId, actor, queue)
  return { outcome: 'applied', orderId }
}

/** invoice.payment_failed: the failure is shown on the membership; the status (past_due) comes with the subscription. */
export function applyInvoiceFailed(ctx: ApplyContext, invoice: InvoiceFacts): Result {
  const membership = membershipFor(ctx, invoice)
  if (membership === 'foreign') return { outcome: 'foreign', orderId: null }
  if (!membership) return { outcome: 'skipped', orderId: null }
  // Paid since (the payload is older than what we know): the failure is history, not news.
  const paidSince = sql(ctx.db, 'SELECT 1 FROM recurring_invoice WHERE stripe_invoice_id = ?').get(invoice.id)
  if (invoice.status === 'paid' || paidSince) return { outcome: 'skipped', orderId: membership.first_order_id }
  const next = invoice.next_payment_attempt ? ` next attempt ${new Date(invoice.next_payment_attempt * 1000).toISOString().slice(0, 10)}` : ' no retries left'
  const failure = `Renewal payment failed (attempt ${invoice.attempt_count});${next}`
  if (membership.last_failure === failure) return { outcome: 'skipped', orderId: membership.first_order_id }
  sql(ctx.db, 'UPDATE recurring_payment SET last_failure = ?, updated_at = ? WHERE id = ?').run(failure, ctx.now, membership.id)
  audit(ctx.db, ctx.now, { actor: ctx.actor, action: 'membership.payment_failed', entityType: 'purchase_order', entityId: membership.first_order_id, orderId: membership.first_order_id, detail: { membershipId: membership.id, invoice: invoice.id, attempt: invoice.attempt_count } })
  ctx.queue({ type: 'membership.changed', accountId: membership.account_id, membershipId: membership.id, status: membership.status })
  return { outcome: 'applied', orderId: membership.first_order_id }
}
