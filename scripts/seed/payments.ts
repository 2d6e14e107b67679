import type { OrderStatus, PaymentStatus } from '@shared/domain'
import { cashDeposit, cashTendered } from './amounts'
import type { Random } from './random'
import { planFullRefund, planPartialRefund, type PlannedRefund } from './refunds'
import { later } from './timeline'

export interface PlannedPayment {
  method: 'card' | 'cash'
  amount: number
  amountReceived: number
  tenderedAmount: number | null
  status: PaymentStatus
  failure: CardFailure | null
  createdAt: number
  updatedAt: number
}

export interface CardFailure {
  code: string
  message: string
}

export interface Settlement {
  payments: PlannedPayment[]
  refunds: PlannedRefund[]
  canceledAt: number | null
  /** When the order became fully paid, which is when the till grants its courses; null if it never was. */
  paidInFullAt: number | null
}

/** What the settlement planners need to know about the order. */
export interface OrderToSettle {
  amount: number
  currency: string
  unitAmounts: readonly number[]
  createdAt: number
  now: number
}

const CARD_FAILURES: readonly CardFailure[] = [
  { code: 'card_declined', message: 'Your card was declined.' },
  { code: 'insufficient_funds', message: 'Your card has insufficient funds.' },
  { code: 'expired_card', message: 'Your card has expired.' },
  { code: 'incorrect_cvc', message: "Your card's security code is incorrect." },
  { code: 'processing_error', message: 'An error occurred while processing your card. Try again in a little bit.' },
]
const SECOND = 1000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE

/**
 * Payments, refunds and cancellation that lead to `target`. The caller still derives the status from the result
 * with deriveOrderStatus, the till's own rule, so the stored status can never disagree with the rows.
 */
export function planSettlement(rng: Random, order: OrderToSettle, target: OrderStatus): Settlement {
  const settlement: Settlement = { payments: [], refunds: [], canceledAt: null, paidInFullAt: null }
  switch (target) {
    case 'successful':
      payInFull(rng, order, settlement)
      break
    case 'partially_refunded':
      // Refunded after being paid in full (so the courses were granted first), as a refund at the till happens.
      payInFull(rng, order, settlement)
      settlement.refunds = planPartialRefund(rng, order, settlement)
      break
    case 'refunded':
      payInFull(rng, order, settlement)
      settlement.refunds = planFullRefund(rng, order, settlement)
      break
    case 'partially_paid':
      payDeposit(rng, order, settlement)
      break
    case 'failed':
      // However often the customer retried, the same PaymentIntent (one row) carries the last decline.
      failedCard(rng, order, settlement, order.createdAt)
      break
    case 'canceled':
      if (rng.chance(0.3)) failedCard(rng, order, settlement, order.createdAt)
      else if (rng.chance(0.2)) abandonedCard(rng, order, settlement, order.createdAt, 'canceled')
      settlement.canceledAt = later(rng, order.now, lastChange(order, settlement), 2 * MINUTE, 3 * 24 * HOUR)
      break
    case 'pending':
      awaitPayment(rng, order, settlement)
      break
  }
  return settlement
}

function payInFull(rng: Random, order: OrderToSettle, settlement: Settlement): void {
  const way = rng.next()
  if (way < 0.33) {
    settlement.paidInFullAt = cash(rng, order, settlement, order.amount, order.createdAt)
  } else if (way < 0.45) {
    const deposit = cashDeposit(rng, order.amount, order.currency)
    const cashAt = deposit === null ? order.createdAt : cash(rng, order, settlement, deposit, order.createdAt)
    settlement.paidInFullAt = card(rng, order, settlement, order.amount - (deposit ?? 0), cashAt)
  } else {
    // A declined card tried again reuses its PaymentIntent, so it is one row; the till keeps the last decline on it.
    const declined = rng.chance(0.08) ? rng.pick(CARD_FAILURES) : null
    settlement.paidInFullAt = card(rng, order, settlement, order.amount, order.createdAt, declined)
  }
}

function payDeposit(rng: Random, order: OrderToSettle, settlement: Settlement): void {
  const deposit = cashDeposit(rng, order.amount, order.currency)
  if (deposit === null) return
  const at = cash(rng, order, settlement, deposit, order.createdAt)
  // Sometimes the card for the balance was tried and declined: still partly paid.
  if (rng.chance(0.3)) failedCard(rng, order, settlement, at, order.amount - deposit)
}

function awaitPayment(rng: Random, order: OrderToSettle, settlement: Settlement): void {
  const way = rng.next()
  if (way < 0.5) return // created, nothing taken yet
  if (way < 0.6) {
    abandonedCard(rng, order, settlement, order.createdAt, 'canceled') // the customer walked away from the terminal
    return
  }
  // A canceled PaymentIntent is never reused: the next attempt is a new payment row.
  const after = way < 0.7 ? abandonedCard(rng, order, settlement, order.createdAt, 'canceled') : order.createdAt
  abandonedCard(rng, order, settlement, after, openCardStatus(rng, order, after))
}

/**
 * Stripe never expires an unconfirmed PaymentIntent, so a card form left open (pending) or a 3-D Secure check
 * never finished (requires_action) can be any age; processing lasts seconds, so only the last hour has it.
 */
function openCardStatus(rng: Random, order: OrderToSettle, at: number): PaymentStatus {
  if (order.now - at < HOUR && rng.chance(0.5)) return 'processing'
  return rng.chance(0.6) ? 'pending' : 'requires_action'
}

function cash(rng: Random, order: OrderToSettle, settlement: Settlement, amount: number, after: number): number {
  const at = later(rng, order.now, after, 20 * SECOND, 4 * MINUTE)
  const tendered = cashTendered(rng, amount, order.currency)
  settlement.payments.push(payment('cash', amount, 'succeeded', at, at, { tenderedAmount: tendered }))
  return at
}

function card(
  rng: Random,
  order: OrderToSettle,
  settlement: Settlement,
  amount: number,
  after: number,
  declinedFirst: CardFailure | null = null,
): number {
  const createdAt = later(rng, order.now, after, 10 * SECOND, 3 * MINUTE)
  const updatedAt = later(rng, order.now, createdAt, 3 * SECOND, declinedFirst ? 10 * MINUTE : 90 * SECOND)
  settlement.payments.push(payment('card', amount, 'succeeded', createdAt, updatedAt, { failure: declinedFirst }))
  return updatedAt
}

function failedCard(rng: Random, order: OrderToSettle, settlement: Settlement, after: number, amount = order.amount): number {
  const createdAt = later(rng, order.now, after, 10 * SECOND, 3 * MINUTE)
  const updatedAt = later(rng, order.now, createdAt, 3 * SECOND, 5 * MINUTE)
  settlement.payments.push(payment('card', amount, 'failed', createdAt, updatedAt, { failure: rng.pick(CARD_FAILURES) }))
  return updatedAt
}

/** A card payment that never completed: still in flight, or canceled at the terminal. */
function abandonedCard(rng: Random, order: OrderToSettle, settlement: Settlement, after: number, status: PaymentStatus): number {
  const createdAt = later(rng, order.now, after, 10 * SECOND, 3 * MINUTE)
  const updatedAt = status === 'canceled' ? later(rng, order.now, createdAt, 30 * SECOND, 10 * MINUTE) : createdAt
  settlement.payments.push(payment('card', order.amount, status, createdAt, updatedAt))
  return updatedAt
}

function payment(
  method: PlannedPayment['method'],
  amount: number,
  status: PaymentStatus,
  createdAt: number,
  updatedAt: number,
  extra: Partial<Pick<PlannedPayment, 'tenderedAmount' | 'failure'>> = {},
): PlannedPayment {
  // Only a succeeded payment has brought money in; that is what deriveOrderStatus counts.
  const amountReceived = status === 'succeeded' ? amount : 0
  return { method, amount, amountReceived, tenderedAmount: null, failure: null, status, createdAt, updatedAt, ...extra }
}

/** The last moment anything happened to the order: its updated_at. */
export function lastChange(order: OrderToSettle, settlement: Settlement): number {
  let at = Math.max(order.createdAt, settlement.canceledAt ?? 0)
  for (const payment of settlement.payments) at = Math.max(at, payment.updatedAt)
  for (const refund of settlement.refunds) at = Math.max(at, refund.updatedAt)
  return at
}
