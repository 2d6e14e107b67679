import type { StripeEventEnvelope } from './event-envelope'
import { applyIntent, type ApplyContext, type ApplyOutcome } from './apply-intent'
import { applyRefund, type RefundFacts } from './apply-refund'
import type { IntentFacts } from './intent-status'
import { TERMINAL_PAYMENT_STATUSES } from './intent-status'
import type { StripeReader } from '../stripe/gateway'
import type { SubscribedEvent } from './subscribed-events'
import { sql } from '../store/statements'
import { idOf } from '../stripe/expandable'
import { scopeOf } from '../stripe/installation-scope'
import type { PaymentStatus } from '@shared/domain'
import { invoiceFailedEvent, invoicePaidEvent, subscriptionEvent } from '../memberships/event-handlers'
import { applyLinkIntent } from '../checkout/apply-session'
import { sessionEvent } from '../checkout/event-handlers'

export interface HandlerResult {
  outcome: ApplyOutcome
  orderId: number | null
}

export interface EventHandler {
  /** Applies the event inside the ledger's transaction; `fresh` is what `refetch` read when asked to. */
  apply(ctx: ApplyContext, event: StripeEventEnvelope, fresh?: unknown): HandlerResult
  /** Reads the current state from Stripe when the payload may be stale. */
  refetch(reader: StripeReader, event: StripeEventEnvelope): Promise<unknown>
}

const intentEvent: EventHandler = {
  apply(ctx, event, fresh) {
    const intent = (fresh ?? event.data.object) as IntentFacts
    const applied = applyIntent(ctx, intent, { at: event.created, fresh: fresh !== undefined })
    // No payment row yet: a pay link's intent makes its payment (or shows its decline) from here too.
    return applied.outcome === 'skipped' && applied.orderId === null ? (applyLinkIntent(ctx, intent) ?? applied) : applied
  },
  refetch: (reader, event) => reader.retrieveIntent(event.data.object.id),
}

/**
 * Charge events say less than the intent events that come with them; they matter only when the intent's own
 * event is late or lost, so they re-read the intent unless our payment already reached a final state.
 */
const chargeEvent: EventHandler = {
  apply(ctx, event, fresh) {
    if (fresh !== undefined) return applyIntent(ctx, fresh as IntentFacts, { at: event.created, fresh: true })
    // A charge carries its intent's metadata: another till's is recognised without asking Stripe.
    if (scopeOf(event.data.object as { metadata?: Record<string, string> }, ctx.installationId) === 'foreign') return { outcome: 'foreign', orderId: null }
    const intentId = chargeIntentId(event)
    const payment = intentId
      ? (sql(ctx.db, 'SELECT order_id, status FROM payment WHERE stripe_payment_intent_id = ?').get(intentId) as
          | { order_id: number; status: PaymentStatus }
          | undefined)
      : undefined
    if (!payment) return { outcome: 'skipped', orderId: null }
    const implied: PaymentStatus = event.type === 'charge.succeeded' ? 'succeeded' : 'failed'
    if (TERMINAL_PAYMENT_STATUSES.has(payment.status) || payment.status === implied) return { outcome: 'skipped', orderId: payment.order_id }
    return { outcome: 'refetch', orderId: payment.order_id }
  },
  refetch: (reader, event) => reader.retrieveIntent(chargeIntentId(event) ?? ''),
}

/** charge.refunded carries totals, not the refunds: read them all and apply each. */
const chargeRefunded: EventHandler = {
  apply(ctx, event, fresh) {
    if (scopeOf(event.data.object as { metadata?: Record<string, string> }, ctx.installationId) === 'foreign') return { outcome: 'foreign', orderId: null }
    if (fresh === undefined) return chargeIntentId(event) ? { outcome: 'refetch', orderId: null } : { outcome: 'skipped', orderId: null }
    let result: HandlerResult = { outcome: 'skipped', orderId: null }
    for (const refund of fresh as RefundFacts[]) {
      const applied = applyRefund(ctx, refund)
      if (applied.outcome === 'applied' || result.orderId === null) result = applied
    }
    return result
  },
  refetch: (reader, event) => reader.listRefunds(chargeIntentId(event) ?? ''),
}

const refundEvent: EventHandler = {
  apply: (ctx, event, fresh) => applyRefund(ctx, (fresh ?? event.data.object) as RefundFacts),
  refetch: (reader, event) => reader.retrieveRefund(event.data.object.id),
}

const chargeIntentId = (event: StripeEventEnvelope): string | null => idOf(event.data.object.payment_intent)

/** Event type → handler; typed by SUBSCRIBED_EVENTS so the list and the map cannot drift apart. */
export const EVENT_HANDLERS: Record<SubscribedEvent, EventHandler> = {
  'payment_intent.succeeded': intentEvent,
  'payment_intent.processing': intentEvent,
  'payment_intent.payment_failed': intentEvent,
  'payment_intent.canceled': intentEvent,
  'payment_intent.requires_action': intentEvent,
  'charge.succeeded': chargeEvent,
  'charge.failed': chargeEvent,
  'charge.refunded': chargeRefunded,
  'refund.created': refundEvent,
  'refund.updated': refundEvent,
  'refund.failed': refundEvent,
  'customer.subscription.created': subscriptionEvent,
  'customer.subscription.updated': subscriptionEvent,
  'customer.subscription.deleted': subscriptionEvent,
  'invoice.paid': invoicePaidEvent,
  'invoice.payment_failed': invoiceFailedEvent,
  'checkout.session.completed': sessionEvent,
  'checkout.session.async_payment_succeeded': sessionEvent,
  'checkout.session.async_payment_failed': sessionEvent,
  'checkout.session.expired': sessionEvent,
}
