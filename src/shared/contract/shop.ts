import { z } from 'zod'
import { channel } from './channel'
import type { CurrencyTotal } from '../insight'

/** Shop mode's sync, as this till sees it. */
export interface ShopStatus {
  /** False: this till is on its own (no COURSETILL_SHOP_DATABASE_URL). */
  enabled: boolean
  connected: boolean
  /** Unix ms of the last complete pull: the other tills' history is as of then. */
  asOf: number | null
  /** Local changes not yet in the shop database. */
  pendingPush: number
  lastError: string | null
}

/** Another till's order, as of the last pull. */
export interface ShopOrderRow {
  installation: string
  orderId: number
  email: string
  customerName: string
  amount: number
  currency: string
  status: string
  kind: string
  createdAt: number
}

export interface ShopOrderPage {
  rows: ShopOrderRow[]
  asOf: number | null
  /** Every order of the other tills held locally. */
  total: number
}

/** The tills whose orders this one holds: itself, and each other till with how many of its orders were pulled. */
export interface ShopTills {
  own: string
  others: Array<{ installation: string; orders: number }>
}

// Shop mode (issue 16): the sync's freshness and the whole shop's orders held locally (readable offline).
export const shopChannels = {
  'shop:status': channel<ShopStatus>()(z.strictObject({})),
  /** For Orders' till filter. */
  'shop:tills': channel<ShopTills>()(z.strictObject({})),
  /** Other tills' orders, newest first; `before` pages by created_at. */
  'shop:orders': channel<ShopOrderPage>()(
    z.strictObject({ limit: z.int().min(1).max(500).default(100), before: z.int().nonnegative().max(Number.MAX_SAFE_INTEGER).optional() }),
  ),
}

/** One line of another till's order, as it was sold there (its price then). */
export interface ShopOrderItemCopy {
  itemId: number
  title: string
  courseCode: string
  unitAmount: number
}

export interface ShopPaymentCopy {
  paymentId: number
  method: 'card' | 'cash' | 'credit'
  amountReceived: number
  currency: string
  status: string
  stripePaymentIntentId: string | null
  updatedAt: number
}

export interface ShopRefundCopy {
  refundId: number
  paymentId: number
  amount: number
  currency: string
  status: string
  updatedAt: number
}

/** Another till's order with its lines, payments and refunds, read-only, as of the last pull. */
export interface ShopOrderDetail extends ShopOrderRow {
  updatedAt: number
  /** What succeeded payments brought in and succeeded refunds gave back (kept by the copies' triggers). */
  paid: number
  refunded: number
  /** This till's customer with that email, if it has one (customers converge by email across the shop). */
  customerId: number | null
  items: ShopOrderItemCopy[]
  payments: ShopPaymentCopy[]
  refunds: ShopRefundCopy[]
  asOf: number | null
}

/** A customer's orders at the other tills (matched by email), the latest first, and their money per currency. */
export interface ShopCustomerOrders {
  rows: Array<ShopOrderRow & { paid: number; refunded: number }>
  /** Every order of this customer held from the other tills; rows holds the latest `limit` of them. */
  total: number
  /** Per currency, the other tills only: never added to this till's own totals. */
  totals: CurrencyTotal[]
  asOf: number | null
}

// Installation ids as the store makes and checks them (migration 005): 16–64 of a-z, 0-9 and '-'.
const installationId = z
  .string()
  .min(16)
  .max(64)
  .regex(/^[a-z0-9-]+$/, 'is not a till id')

// Shop mode, the whole shop read offline: one order of another till, and one customer's orders at the other tills.
export const shopDetailChannels = {
  'shop:order': channel<ShopOrderDetail>()(z.strictObject({ installation: installationId, orderId: z.int().positive() })),
  'shop:customerOrders': channel<ShopCustomerOrders>()(z.strictObject({ customerId: z.int().positive(), limit: z.int().min(1).max(100).default(20) })),
}
