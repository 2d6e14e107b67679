import type Stripe from 'stripe'
import { audit } from '../audit'
import type { ApplyContext, ApplyOutcome } from '../payments/apply-intent'
import { failureOf, paymentStatusOf, type IntentFacts } from '../payments/intent-status'
import { sql } from '../store/statements'
import { PAY_LINK_METADATA_KEY } from '../stripe/checkout-gateway'
import { idOf } from '../stripe/expandable'
import { scopeOf } from '../stripe/installation-scope'
import { linkBySeq, linkBySession, type LinkRow } from './link-row'
import { recordLinkPayment } from './record-link-payment'

export type SessionFacts = Pick<Stripe.Checkout.Session, 'id' | 'status' | 'payment_status' | 'payment_intent' | 'amount_total' | 'currency' | 'metadata'>

type Result = { outcome: ApplyOutcome; orderId: number | null }

/** A session event's type says what its payload cannot: an async payment's failure leaves it 'unpaid'. */
export type SessionEventType =
  | 'checkout.session.completed'
  | 'checkout.session.async_payment_succeeded'
  | 'checkout.session.async_payment_failed'
  | 'checkout.session.expired'
  | 'fresh'

/**
 * What Stripe says about one of our pay-link sessions. Completed: the order gets its card payment (paid, or
 * processing for a method that settles later); expired: the link is closed. Another till's session is
 * 'foreign'; a session naming no till is not a pay link ('none', for the external payments).
 */
export function applySession(ctx: ApplyContext, session: SessionFacts, type: SessionEventType): Result | 'none' {
  const scope = scopeOf(session, ctx.installationId)
  if (scope === 'foreign') return { outcome: 'foreign', orderId: null }
  const link = linkBySession(ctx.db, session.id) ?? adoptable(ctx, session)
  if (!link) return scope === 'legacy' ? 'none' : { outcome: 'skipped', orderId: null }
  if (session.status === 'expired') return expireLink(ctx, link)
  if (session.status !== 'complete') return { outcome: 'skipped', orderId: link.order_id }
  const intentId = idOf(session.payment_intent)
  if (!intentId) return { outcome: 'skipped', orderId: link.order_id }
  const paid = session.payment_status === 'paid' || type === 'checkout.session.async_payment_succeeded'
  const status = type === 'checkout.session.async_payment_failed' ? 'failed' : paid ? 'succeeded' : 'processing'
  return recordLinkPayment(ctx, link, {
    paymentIntentId: intentId,
    status,
    amountReceived: session.amount_total ?? 0,
    currency: (session.currency ?? link.currency).toUpperCase(),
  })
}

/** A session this till made but recorded no id for (it stopped between Stripe's answer and the commit). */
function adoptable(ctx: ApplyContext, session: SessionFacts): LinkRow | undefined {
  const seq = Number(session.metadata?.[PAY_LINK_METADATA_KEY])
  const orderId = Number(session.metadata?.order_id)
  if (scopeOf(session, ctx.installationId) !== 'ours' || !Number.isSafeInteger(seq) || !Number.isSafeInteger(orderId)) return undefined
  const link = linkBySeq(ctx.db, orderId, seq)
  if (!link || link.stripe_session_id !== null) return undefined
  // A link still being made is open now; one given up meanwhile stays expired (a newer link may be open).
  const status = link.status === 'creating' ? 'open' : link.status
  sql(ctx.db, 'UPDATE checkout_link SET stripe_session_id = ?, status = ?, updated_at = ? WHERE id = ?').run(session.id, status, ctx.now, link.id)
  return { ...link, stripe_session_id: session.id, status }
}

function expireLink(ctx: ApplyContext, link: LinkRow): Result {
  if (link.status !== 'open' && link.status !== 'creating') return { outcome: 'skipped', orderId: link.order_id }
  sql(ctx.db, "UPDATE checkout_link SET status = 'expired', updated_at = ? WHERE id = ?").run(ctx.now, link.id)
  audit(ctx.db, ctx.now, { actor: ctx.actor, action: 'pay_link.expired', entityType: 'purchase_order', entityId: link.order_id, orderId: link.order_id, detail: { session: link.stripe_session_id } })
  ctx.queue({ type: 'payLink.changed', orderId: link.order_id, linkId: link.id, status: 'expired' })
  return { outcome: 'applied', orderId: link.order_id }
}

/**
 * A PaymentIntent the till has no payment row for may be a pay link's (its metadata says which): paid or
 * processing, it makes the link's payment (whichever of the session's and the intent's events comes first);
 * declined, the link shows why while the customer may try again.
 */
export function applyLinkIntent(ctx: ApplyContext, intent: IntentFacts): Result | null {
  const seq = Number(intent.metadata?.[PAY_LINK_METADATA_KEY])
  const orderId = Number(intent.metadata?.order_id)
  if (scopeOf(intent, ctx.installationId) !== 'ours' || !Number.isSafeInteger(seq) || !Number.isSafeInteger(orderId)) return null
  const link = linkBySeq(ctx.db, orderId, seq)
  if (!link) return null
  const status = paymentStatusOf(intent)
  if (status === 'succeeded' || status === 'processing') {
    return recordLinkPayment(ctx, link, { paymentIntentId: intent.id, status, amountReceived: intent.amount_received, currency: intent.currency.toUpperCase() })
  }
  const failure = failureOf(intent)
  if (status !== 'failed' || link.status !== 'open' || failure.code === link.last_failure) return { outcome: 'skipped', orderId }
  sql(ctx.db, 'UPDATE checkout_link SET last_failure = ?, updated_at = ? WHERE id = ?').run(failure.code, ctx.now, link.id)
  audit(ctx.db, ctx.now, { actor: ctx.actor, action: 'pay_link.declined', entityType: 'purchase_order', entityId: orderId, orderId, detail: { paymentIntent: intent.id, failure: failure.code } })
  ctx.queue({ type: 'payLink.changed', orderId, linkId: link.id, status: link.status })
  return { outcome: 'applied', orderId }
}
