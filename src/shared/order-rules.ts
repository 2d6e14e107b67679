// One vocabulary for an order's status and money, used by the renderer and the main process alike, so a screen
// can never disagree with the store about whether an order is paid, can still be paid, or is finished.
import type { OrderStatus, PaymentStatus, RefundStatus } from './domain'

/** The sale went through at some point: the checkout is over and a receipt exists (refunds come later). */
export const PAID_STATUSES: readonly OrderStatus[] = ['successful', 'partially_refunded', 'refunded']
/** Money may still be taken: nothing paid yet, part paid, or every attempt so far declined (a retry is fine). */
export const PAYABLE_STATUSES: readonly OrderStatus[] = ['pending', 'partially_paid', 'failed']
/** The counter has not finished with it: the same orders as payable, listed on Sell to resume their checkout. */
export const OPEN_STATUSES: readonly OrderStatus[] = PAYABLE_STATUSES
/** Nothing more can happen to it: canceled before any money, or every payment refunded. */
export const FINAL_STATUSES: readonly OrderStatus[] = ['canceled', 'refunded']

export const isPaid = (status: OrderStatus) => PAID_STATUSES.includes(status)
export const isPayable = (status: OrderStatus) => PAYABLE_STATUSES.includes(status)
export const isOpen = (status: OrderStatus) => OPEN_STATUSES.includes(status)
export const isFinal = (status: OrderStatus) => FINAL_STATUSES.includes(status)

/** Words for staff. "failed" is not final: the customer may pay again, so it says declined, not failed. */
export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  pending: 'Unpaid',
  partially_paid: 'Part paid',
  successful: 'Paid',
  failed: 'Declined',
  canceled: 'Canceled',
  partially_refunded: 'Part refunded',
  refunded: 'Refunded',
}

export const orderStatusLabel = (status: OrderStatus) => ORDER_STATUS_LABELS[status]

export interface OrderFacts {
  amount: number
  canceled: boolean
  payments: ReadonlyArray<{ status: PaymentStatus; amountReceived: number }>
  refunds: ReadonlyArray<{ status: RefundStatus; amount: number }>
}

export interface OrderMoney {
  /** What succeeded payments brought in. */
  paid: number
  /** What succeeded refunds gave back. */
  refunded: number
  /** Still owed before the order is fully paid (never negative). */
  due: number
}

/** An order's money in integer minor units, from its payments and refunds (the rule the status derives from). */
export function orderMoney(facts: Omit<OrderFacts, 'canceled'> & { canceled?: boolean }): OrderMoney {
  const paid = facts.payments.reduce((sum, p) => (p.status === 'succeeded' ? sum + p.amountReceived : sum), 0)
  const refunded = facts.refunds.reduce((sum, r) => (r.status === 'succeeded' ? sum + r.amount : sum), 0)
  return { paid, refunded, due: Math.max(0, facts.amount - paid) }
}
