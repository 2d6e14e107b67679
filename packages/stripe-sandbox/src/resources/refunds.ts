import type Stripe from 'stripe'
import type { Ctx } from '../context'
import { emitEvent, emitUpdated } from '../events/emit'
import { invalidRequest } from '../http/errors'
import { ok, pathParam, type ApiRequest, type ApiRoute, type Reply } from '../http/handler'
import { assertKnownParams, optionalEnum, optionalInteger, optionalString, readMetadata } from '../http/params'
import { assertRefundableAmount, formatAmount } from '../payments/amounts'
import { recordBalanceTransaction } from '../payments/balance-transactions'
import { newId, randomToken } from '../store/ids'
import { listReply, mustGet, retrieveAs } from './lookup'

const REASONS = ['duplicate', 'fraudulent', 'requested_by_customer'] as const

/** The succeeded charge a refund request points at, directly or through its PaymentIntent. */
function refundableCharge(request: ApiRequest): Stripe.Charge {
  const chargeId = optionalString(request.params, 'charge')
  const intentId = optionalString(request.params, 'payment_intent')
  if (chargeId && intentId) {
    throw invalidRequest('You may only specify one of these parameters: charge, payment_intent.', { param: 'payment_intent' })
  }
  if (intentId) {
    const pi = mustGet(request, 'payment_intent', intentId, 'payment_intent')
    const latest = typeof pi.latest_charge === 'string' ? request.core.store.get('charge', pi.latest_charge) : undefined
    if (pi.status !== 'succeeded' || !latest) {
      throw invalidRequest(`This PaymentIntent (${pi.id}) does not have a successful charge to refund.`, {
        param: 'payment_intent',
      })
    }
    return latest
  }
  if (!chargeId) {
    throw invalidRequest('One of the following params should be provided for this request: payment_intent or charge.', {
      code: 'parameter_missing',
    })
  }
  const charge = mustGet(request, 'charge', chargeId, 'charge')
  if (charge.status !== 'succeeded') {
    throw invalidRequest(`Charge ${charge.id} has not succeeded and cannot be refunded.`, { param: 'charge' })
  }
  return charge
}

/** How much of the charge may still be refunded, checking Stripe's over-refund rules. */
function refundAmount(request: ApiRequest, charge: Stripe.Charge): number {
  const remaining = charge.amount_captured - charge.amount_refunded
  if (remaining <= 0) throw invalidRequest(`Charge ${charge.id} has already been refunded.`, { code: 'charge_already_refunded' })
  const amount = optionalInteger(request.params, 'amount', 1) ?? remaining
  if (amount > remaining) {
    throw invalidRequest(
      `Refund amount (${formatAmount(amount, charge.currency)}) is greater than unrefunded amount on charge (${formatAmount(remaining, charge.currency)})`,
      { param: 'amount', code: 'amount_too_large' },
    )
  }
  assertRefundableAmount(amount, charge.currency)
  return amount
}

function buildRefund(
  ctx: Ctx,
  charge: Stripe.Charge,
  amount: number,
  reason: Stripe.Refund.Reason | null,
  metadata: Record<string, string>,
): Stripe.Refund {
  return {
    id: newId('re'),
    object: 'refund',
    amount,
    balance_transaction: null,
    charge: charge.id,
    created: ctx.core.now(),
    currency: charge.currency,
    customer: typeof charge.customer === 'string' ? charge.customer : null,
    customer_account: null,
    destination_details: {
      card: {
        reference: randomToken(12),
        reference_status: 'available',
        reference_type: 'acquirer_reference_number',
        type: 'refund',
      },
      type: 'card',
    },
    metadata,
    payment_intent: typeof charge.payment_intent === 'string' ? charge.payment_intent : null,
    payment_method: charge.payment_method,
    reason,
    receipt_number: null,
    source_transfer_reversal: null,
    // Card refunds in test mode succeed at once.
    status: 'succeeded',
    transfer_reversal: null,
  }
}

function create(request: ApiRequest): Reply {
  assertKnownParams(request.params, ['payment_intent', 'charge', 'amount', 'reason', 'metadata'])
  const charge = refundableCharge(request)
  const amount = refundAmount(request, charge)
  const reason = optionalEnum(request.params, 'reason', REASONS) ?? null
  const built = buildRefund(request, charge, amount, reason, readMetadata(request.params))
  const transaction = recordBalanceTransaction(request, { ...built, description: 'REFUND FOR CHARGE' }, 'refund')
  const refund = request.core.store.insert('refund', { ...built, balance_transaction: transaction.id })
  const amountRefunded = charge.amount_refunded + amount
  const refundedCharge: Stripe.Charge = {
    ...charge,
    amount_refunded: amountRefunded,
    refunded: amountRefunded === charge.amount_captured,
  }
  request.core.store.update('charge', refundedCharge)
  emitEvent(request, 'refund.created', refund)
  emitEvent(request, 'charge.refunded', refundedCharge, { amount_refunded: charge.amount_refunded, refunded: charge.refunded })
  return ok(refund)
}

function update(request: ApiRequest): Reply {
  assertKnownParams(request.params, ['metadata'])
  const before = mustGet(request, 'refund', pathParam(request))
  const after: Stripe.Refund = { ...before, metadata: readMetadata(request.params, before.metadata ?? {}) }
  request.core.store.update('refund', after)
  emitUpdated(request, 'refund.updated', before, after)
  // Stripe also announces a card refund's changes on the older charge.refund.updated.
  emitUpdated(request, 'charge.refund.updated', before, after)
  return ok(after)
}

const retrieve = retrieveAs('refund')

function list(request: ApiRequest): Reply {
  assertKnownParams(request.params, ['payment_intent', 'charge', 'created', 'limit', 'starting_after', 'ending_before'])
  const paymentIntent = optionalString(request.params, 'payment_intent')
  const charge = optionalString(request.params, 'charge')
  // An indexed lookup by one filter (the till asks by payment_intent on every charge.refunded), then the other.
  const { store } = request.core
  const candidates = paymentIntent
    ? store.list('refund', { field: 'payment_intent', value: paymentIntent })
    : charge
      ? store.list('refund', { field: 'charge', value: charge })
      : store.list('refund')
  const refunds = candidates.filter(
    (refund) => (!paymentIntent || refund.payment_intent === paymentIntent) && (!charge || refund.charge === charge),
  )
  return listReply(request, '/v1/refunds', refunds, 'refund')
}

export const refundRoutes: ApiRoute[] = [
  { method: 'POST', path: '/v1/refunds', handler: create },
  { method: 'GET', path: '/v1/refunds', handler: list },
  { method: 'GET', path: '/v1/refunds/:id', handler: retrieve },
  { method: 'POST', path: '/v1/refunds/:id', handler: update },
]
