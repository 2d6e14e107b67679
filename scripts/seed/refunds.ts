import type { RefundReason, RefundStatus } from '@shared/domain'
import { partOf } from './amounts'
import type { OrderToSettle, PlannedPayment, Settlement } from './payments'
import { weightedPicker, type Random } from './random'
import { later } from './timeline'

export interface PlannedRefund {
  /** Index of the refunded payment in the settlement's payments. */
  payment: number
  amount: number
  requestedBy: string
  status: RefundStatus
  reason: RefundReason
  note: string | null
  createdAt: number
  updatedAt: number
}

// The actors the till records (api/handlers.ts, payments/apply-refund.ts): a manager at the till, or 'stripe' for a
// refund made in the Stripe dashboard and learnt from its webhook.
const TILL_MANAGER = 'manager'
const STRIPE_DASHBOARD = 'stripe'
const SHARE_OF_CARD_REFUNDS_FROM_DASHBOARD = 0.08

const HOUR = 3_600_000
const pickFullRefundReason = weightedPicker<RefundReason>([
  ['requested_by_customer', 70],
  ['other', 15],
  ['duplicate', 10],
  ['fraudulent', 5],
])
const REFUND_FAILURE = 'Stripe could not refund this charge right now; try again later.'
const GOODWILL_NOTES = ['Goodwill: course started late', 'Goodwill: video quality complaint', 'Price matched a promotion']
const FULL_REFUND_NOTES: Record<RefundReason, string | null> = {
  requested_by_customer: 'Changed their mind within 14 days',
  other: 'Booked the wrong course',
  duplicate: 'Bought twice by mistake',
  fraudulent: 'Card reported stolen',
}

/** Gives back part of what was paid: one course of several, or a goodwill amount. Never all of it. */
export function planPartialRefund(rng: Random, order: OrderToSettle, settlement: Settlement): PlannedRefund[] {
  const paid = succeeded(settlement.payments)
  // With two or more courses in the order, one course's price is less than the total, so the refund is partial.
  const courseReturned = order.unitAmounts.length > 1 ? rng.pick(order.unitAmounts) : null
  // Card first: a card refund goes back without opening the drawer.
  const byPreference = [...paid].sort((a, b) => cardFirst(settlement.payments[a], settlement.payments[b]))
  const payer = byPreference.find((index) => courseReturned !== null && settlement.payments[index].amountReceived >= courseReturned)

  let refund: Omit<PlannedRefund, 'status' | 'createdAt' | 'updatedAt' | 'requestedBy'>
  if (payer !== undefined && courseReturned !== null) {
    refund = { payment: payer, amount: courseReturned, reason: 'requested_by_customer', note: 'One course returned' }
  } else {
    const largest = [...paid].sort((a, b) => settlement.payments[b].amountReceived - settlement.payments[a].amountReceived)[0]
    const amount = largest === undefined ? null : partOf(rng, settlement.payments[largest].amountReceived, order.currency)
    if (largest === undefined || amount === null) return []
    refund = { payment: largest, amount, reason: 'other', note: rng.pick(GOODWILL_NOTES) }
  }

  const refunds: PlannedRefund[] = []
  const payment = settlement.payments[refund.payment]
  let at = later(rng, order.now, settlement.paidInFullAt ?? order.createdAt, HOUR, 30 * 24 * HOUR)
  // Now and then Stripe refuses the first card refund and the manager tries again; only the succeeded one counts.
  // The refused row keeps no Stripe id and its note gains Stripe's message, as payments/refunds.ts records it.
  if (payment.method === 'card' && rng.chance(0.05)) {
    const note = refund.note === null ? REFUND_FAILURE : `${refund.note} — ${REFUND_FAILURE}`
    refunds.push({ ...refund, note, status: 'failed', requestedBy: TILL_MANAGER, createdAt: at, updatedAt: at })
    at = later(rng, order.now, at, 60_000, HOUR)
  }
  refunds.push({ ...refund, status: 'succeeded', requestedBy: TILL_MANAGER, ...settledTimes(rng, order, payment, at) })
  return refunds
}

/** Gives back every payment in full, each to where it came from. */
export function planFullRefund(rng: Random, order: OrderToSettle, settlement: Settlement): PlannedRefund[] {
  const reason = pickFullRefundReason(rng)
  const note = rng.chance(0.6) ? FULL_REFUND_NOTES[reason] : null
  const at = later(rng, order.now, settlement.paidInFullAt ?? order.createdAt, HOUR, 45 * 24 * HOUR)
  return succeeded(settlement.payments).map((index) => {
    const payment = settlement.payments[index]
    const fromDashboard = payment.method === 'card' && rng.chance(SHARE_OF_CARD_REFUNDS_FROM_DASHBOARD)
    return {
      payment: index,
      amount: payment.amountReceived,
      status: 'succeeded',
      reason,
      // A dashboard refund reaches the till as a bare Stripe object: no note, and Stripe's reason.
      note: fromDashboard ? null : note,
      requestedBy: fromDashboard ? STRIPE_DASHBOARD : TILL_MANAGER,
      ...settledTimes(rng, order, payment, at),
    }
  })
}

function succeeded(payments: readonly PlannedPayment[]): number[] {
  return payments.flatMap((payment, index) => (payment.status === 'succeeded' ? [index] : []))
}

function cardFirst(a: PlannedPayment, b: PlannedPayment): number {
  return (a.method === 'card' ? 0 : 1) - (b.method === 'card' ? 0 : 1)
}

/** Cash leaves the drawer at once; Stripe confirms a card refund a little later. */
function settledTimes(rng: Random, order: OrderToSettle, payment: PlannedPayment, at: number) {
  return { createdAt: at, updatedAt: payment.method === 'cash' ? at : later(rng, order.now, at, 2_000, 120_000) }
}
