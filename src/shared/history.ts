// Order history shapes shared by the main process and the Orders screen. Amounts are integer minor units.
import type { OrderStatus, PaymentMethod } from './domain'

export const ORDER_SORT_KEYS = ['created', 'amount', 'status', 'customer'] as const
export type OrderSortKey = (typeof ORDER_SORT_KEYS)[number]

export const SORT_DIRECTIONS = ['asc', 'desc'] as const
export type SortDirection = (typeof SORT_DIRECTIONS)[number]

export interface OrderSort {
  key: OrderSortKey
  direction: SortDirection
}

export const DEFAULT_ORDER_SORT: OrderSort = { key: 'created', direction: 'desc' }

/**
 * card / cash / credit: the order has a payment of that kind (any outcome; credit is store credit); both: it has a
 * card and a cash payment (a split payment).
 */
export const METHOD_FILTERS = ['card', 'cash', 'both', 'credit'] as const
export type MethodFilter = (typeof METHOD_FILTERS)[number]

export const MAX_PAGE_SIZE = 200
export const DEFAULT_PAGE_SIZE = 100

/** Every field is optional: absent means "any". Dates are unix ms, both ends inclusive. */
export interface OrderFilters {
  statuses?: OrderStatus[]
  from?: number
  to?: number
  courseId?: number
  accountId?: number
  method?: MethodFilter
  /** An order number (#123), a Stripe payment intent id (pi_…), or part of a customer's name or email. */
  text?: string
  /**
   * Shop mode: whose orders. Absent: this till's own. ALL_TILLS: every till's, the others' as of the last pull.
   * An installation id: that till's (this till's own id is the same as absent).
   */
  till?: string
}

export const ALL_TILLS = 'all'
/** A till's installation id, as every store makes it (store migration 005). */
export const INSTALLATION_ID = /^[a-z0-9-]{16,64}$/

export interface OrderListRow {
  id: number
  createdAt: number
  status: OrderStatus
  accountId: number
  customerName: string
  customerEmail: string
  itemCount: number
  /** The first few course titles, in the order they were sold. */
  firstTitles: string[]
  amount: number
  currency: string
  /** What succeeded payments brought in, and what succeeded refunds gave back. */
  paid: number
  refunded: number
  methods: PaymentMethod[]
  /** Renewals, a membership's first period and payment plan parts are told apart from till sales. */
  kind: import('./recurring').OrderKind
  /**
   * Set on another till's order (its installation id): read-only here, as of the last pull. Its `id` is that
   * till's order number and its `accountId` this till's customer with the same email (0 if none here).
   */
  till?: string
}

export interface OrderPage {
  rows: OrderListRow[]
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null
}

export interface CurrencyTotals {
  currency: string
  orders: number
  amount: number
  paid: number
  refunded: number
}

/** Totals are per currency and never mixed: one entry per currency, alphabetical. */
export interface OrderTotals {
  count: number
  currencies: CurrencyTotals[]
}

export interface OrderExport {
  exportId: string
  fileName: string
  /** Where the file is on this machine (for "Show in folder"). */
  path: string
  /** Where the browser host serves it for download. */
  downloadUrl: string
  rows: number
  bytes: number
}

/** The LiveEvent reporting an export's progress (throttled) and its end. */
export interface OrderExportProgress {
  type: 'orders.export'
  exportId: string
  state: 'running' | 'done' | 'failed'
  rows: number
  total: number
  /** Set once done: the file written, for whoever serves downloads. */
  path: string | null
}
