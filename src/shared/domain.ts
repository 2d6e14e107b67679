// Domain shapes shared by every process. Amounts are integer minor units; currency is upper-case ISO 4217.

export const ORDER_STATUSES = [
  'pending',
  'partially_paid',
  'successful',
  'failed',
  'canceled',
  'partially_refunded',
  'refunded',
] as const
export type OrderStatus = (typeof ORDER_STATUSES)[number]

export const PAYMENT_METHODS = ['card', 'cash', 'credit'] as const
export type PaymentMethod = (typeof PAYMENT_METHODS)[number]

export const PAYMENT_STATUSES = ['pending', 'requires_action', 'processing', 'succeeded', 'failed', 'canceled'] as const
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number]

export const REFUND_STATUSES = ['pending', 'requires_action', 'succeeded', 'failed', 'canceled'] as const
export type RefundStatus = (typeof REFUND_STATUSES)[number]

export const REFUND_REASONS = ['requested_by_customer', 'duplicate', 'fraudulent', 'other'] as const
export type RefundReason = (typeof REFUND_REASONS)[number]

export interface Course {
  id: number
  code: string
  title: string
  description: string
  priceAmount: number
  currency: string
  active: boolean
}

export interface Account {
  id: number
  email: string
  name: string
  phone: string | null
  stripeCustomerId: string | null
  createdAt: number
}

export interface OrderItem {
  courseId: number
  title: string
  unitAmount: number
  /** What the line was sold for: its price less its discount and its share of the order's (orders/discounts.ts). */
  netAmount: number
}

/** A discount line: on one course (courseId) or the whole order (null); amount is what it took off. */
export interface OrderDiscount {
  id: number
  courseId: number | null
  kind: 'percent' | 'amount'
  /** percent: basis points; amount: minor units. */
  value: number
  amount: number
  reason: string
  staffName: string | null
  approverName: string | null
}

export interface Payment {
  id: number
  orderId: number
  method: PaymentMethod
  amount: number
  amountReceived: number
  tenderedAmount: number | null
  currency: string
  status: PaymentStatus
  stripePaymentIntentId: string | null
  failureCode: string | null
  failureMessage: string | null
  createdAt: number
  updatedAt: number
  /** Where Stripe emails the card receipt (the intent's receipt_email); absent or null when it sends none. */
  receiptEmail?: string | null
}

export interface Refund {
  id: number
  paymentId: number
  amount: number
  currency: string
  status: RefundStatus
  reason: RefundReason
  note: string | null
  stripeRefundId: string | null
  requestedBy: string
  createdAt: number
}

export interface Ownership {
  accountId: number
  courseId: number
  /** The order that granted it: on this till, or on the till named by `installation` (shop mode). */
  orderId: number
  grantedAt: number
  /** Shop mode: set when another till granted it (orderId is then that till's order). */
  installation?: string
}

export interface OrderSummary {
  id: number
  accountId: number
  accountName: string
  accountEmail: string
  amount: number
  currency: string
  status: OrderStatus
  createdAt: number
  updatedAt: number
}

export interface OrderDetail extends OrderSummary {
  items: OrderItem[]
  payments: Payment[]
  refunds: Refund[]
  ownership: Ownership[]
  /** This order's courses the customer owns through another order (bought before, or sold again on purpose). */
  ownedElsewhere: Ownership[]
  /** Courses of this order refunded by line (and so taken back). */
  refundedLines: number[]
  /** Discount lines; `amount` is already net of them. */
  discounts: OrderDiscount[]
  /** Who was signed in at the till when the order was made (receipts say who served), if anyone. */
  servedBy: string | null
  /** Still to be paid: amount less what succeeded payments brought in (never negative). */
  amountDue: number
  canceledAt: number | null
  /** A till sale, a membership's first period, a renewal, or a payment plan's part(s). */
  kind: import('./recurring').OrderKind
  /** Set when the order stands for a payment taken in Stripe without the till (a Payment Link, an invoice). */
  external?: { stripeObjectId: string; source: 'checkout_session' | 'invoice' }
}

export type AppMode = 'sandbox' | 'test' | 'live'

export interface AppInfo {
  name: string
  version: string
  mode: AppMode
  shopName: string
  /** Printed under the name on every receipt (Settings → Receipts); '' when not set. Lines separated by \n. */
  shopAddress?: string
  /** The shop's tax id (VAT number…), printed on every receipt; '' when not set. */
  shopTaxId?: string
  /**
   * This till among the tills on one Stripe account: named in every idempotency key and in the metadata of
   * everything it creates in Stripe. Made with the store; a store restored from a backup keeps it.
   */
  installationId: string
  /** The shop's IANA time zone: its days (reports, date filters) and every time shown. */
  timeZone: string
  /** The shop's locale for dates and numbers, e.g. en-GB. */
  locale: string
  /** What the checkout needs to build its `stripe` object; never a secret. */
  stripe: { publishableKey: string; sandboxApiUrl: string | null }
}

/** What the checkout needs to mount Stripe Elements for one order. */
export interface CardCheckout {
  orderId: number
  paymentId: number
  paymentIntentId: string
  clientSecret: string
  amount: number
  currency: string
}

export interface CatchUpStatus {
  state: 'idle' | 'running' | 'failed'
  lastStartedAt: number | null
  lastFinishedAt: number | null
  lastError: string | null
  eventsListed: number
  eventsApplied: number
  intentsChecked: number
  refundsRetried: number
}

/** Pushed from the main process to every window when something changes. */
export type LiveEvent =
  | { type: 'order.changed'; orderId: number; status: OrderStatus }
  | { type: 'payment.changed'; orderId: number; paymentId: number; status: PaymentStatus }
  | { type: 'catalog.changed' }
  | { type: 'sync.progress'; status: CatchUpStatus }
  | import('./history').OrderExportProgress
  | { type: 'live.changed' }
  | { type: 'membership.changed'; accountId: number; membershipId: number; status: string }
  | { type: 'installments.changed'; accountId: number; planId: number }
  | { type: 'shift.changed'; shiftId: number }
  | { type: 'credit.changed'; accountId: number }
  | { type: 'payLink.changed'; orderId: number; linkId: number; status: import('./pay-links').PayLinkStatus }
  | { type: 'external.changed'; externalId: number }
  /** Shop mode: a pull brought other tills' changes into this till's store. */
  | { type: 'shop.synced' }

export interface ManagerStatus {
  /** False until a manager sets the PIN on first use. */
  pinSet: boolean
}

export interface ManagerSession {
  /** Sent with every manager action; expires after a few idle minutes or on lock. */
  token: string
  expiresAt: number
}
