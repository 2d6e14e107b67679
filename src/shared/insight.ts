// The insight area's shapes (order timeline, customers, revenue reports) and the small pure arithmetic both
// processes need: calendar days, what is left to refund, chart scales. Amounts are integer minor units.
import type { OrderSummary, Payment, PaymentMethod, Refund } from './domain'

export type StripeEventOutcome = 'applied' | 'skipped' | 'unhandled' | 'review' | 'failed' | 'foreign'

/** One line of an order's history: a Stripe event the till received, or an audit_log row it wrote. */
export type TimelineEntry =
  | {
      kind: 'stripe'
      at: number
      /** When the till recorded it (ms); `at` may be a few ms earlier: when applying it began. */
      receivedAt: number
      eventId: string
      type: string
      /** Stripe's own timestamp, unix seconds. */
      created: number
      objectId: string | null
      outcome: StripeEventOutcome
      error: string | null
    }
  | { kind: 'audit'; at: number; id: number; action: string; actor: string; entityType: string; entityId: string; detail: Record<string, unknown> }

export interface OrderTimeline {
  orderId: number
  /** Set when Stripe's figures disagreed with ours: the order grants nothing until a manager has looked. */
  reviewReason: string | null
  /** Oldest first, on the till's clock (`at`, unix ms): Stripe events by when the till received them. */
  entries: TimelineEntry[]
  /** Only the newest entries are sent when an order has more than the limit. */
  truncated: boolean
}

/** Never one sum across currencies: a customer's money is reported per currency. */
export interface CurrencyTotal {
  currency: string
  orders: number
  /** paid: what succeeded payments brought in; refunded: what succeeded refunds gave back. */
  paid: number
  refunded: number
  net: number
}

export interface CustomerSummary {
  id: number
  name: string
  email: string
  phone: string | null
  createdAt: number
  totals: CurrencyTotal[]
}

/** Keyset paging: the last row of a page (the list is ordered by name, case-insensitively, then id). */
export type CustomerCursor = { name: string; id: number }

export type CustomerPage = { customers: CustomerSummary[]; next: CustomerCursor | null }

export interface OwnedCourse {
  courseId: number
  code: string
  title: string
  /** The order that granted it. */
  orderId: number
  grantedAt: number
}

export interface CustomerDetail extends CustomerSummary {
  stripeCustomerId: string | null
  courses: OwnedCourse[]
}

export type OrderCursor = Pick<OrderSummary, 'createdAt' | 'id'>

export type CustomerOrders = { orders: OrderSummary[]; next: OrderCursor | null }

export type RevenueFigures = { gross: number; refunds: number; net: number }

export interface RevenueDay extends RevenueFigures {
  /** A calendar day in the report's time zone, YYYY-MM-DD. */
  day: string
}

export interface RevenueCourse extends RevenueFigures {
  /** This till's course with that code; null when the code (sold at another till) is not in this till's catalog. */
  courseId: number | null
  /** The catalog is shop-wide: a course is the same course at every till by its code. */
  code: string
  title: string
}

export interface CurrencyRevenue extends RevenueFigures {
  currency: string
  payments: number
  refundCount: number
  /** Every day of the period, zero days included. */
  days: RevenueDay[]
  /** Largest net first. */
  courses: RevenueCourse[]
  /**
   * The same money by tender: what card, cash and store-credit payments brought in and what refunds of each gave
   * back (a refund counts under the method of the payment it returns). Every method is listed, zero or not, and
   * they add up to the currency's figures.
   */
  methods: RevenueMethod[]
}

export interface RevenueMethod extends RevenueFigures {
  method: PaymentMethod
}

/** Whose money a report counts: this till's own, or the whole shop's (this till's plus the other tills' copies). */
export type RevenueScope = 'till' | 'shop'

export interface RevenueReport {
  from: string
  to: string
  timeZone: string
  scope: RevenueScope
  /** One entry per currency that moved in the period; amounts of different currencies are never added. */
  currencies: CurrencyRevenue[]
  /** Shop mode: the other tills' money in the same period (absent when this till has never been in a shop). */
  shop?: ShopRevenue
}

// ---- Calendar days (YYYY-MM-DD, no time zone: a date on the till's wall calendar) ----

export const MAX_REPORT_DAYS = 366
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/
const DAY_MS = 86_400_000

function dayNumber(day: string): number {
  const match = ISO_DAY.exec(day)
  if (!match) return Number.NaN
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const utc = Date.UTC(year, month - 1, date)
  const back = new Date(utc)
  // Date.UTC rolls 2026-02-30 over to March: a real date survives the round trip.
  return back.getUTCFullYear() === year && back.getUTCMonth() === month - 1 && back.getUTCDate() === date ? utc / DAY_MS : Number.NaN
}

export function isIsoDay(day: string): boolean {
  return Number.isFinite(dayNumber(day))
}

export function addDays(day: string, count: number): string {
  const number = dayNumber(day)
  if (!Number.isFinite(number)) throw new RangeError(`"${day}" is not a YYYY-MM-DD date`)
  return new Date((number + count) * DAY_MS).toISOString().slice(0, 10)
}

/** How many days from `from` to `to`, both included (0 when `to` is before `from`). */
export function daysInPeriod(from: string, to: string): number {
  return Math.max(0, dayNumber(to) - dayNumber(from) + 1)
}

export type PeriodPreset = 'last7' | 'last30' | 'last90' | 'thisMonth'

/** A preset period ending today (today is the till's local date, passed in). */
export function presetPeriod(preset: PeriodPreset, today: string): { from: string; to: string } {
  if (preset === 'thisMonth') return { from: `${today.slice(0, 8)}01`, to: today }
  const length = preset === 'last7' ? 7 : preset === 'last30' ? 30 : 90
  return { from: addDays(today, 1 - length), to: today }
}

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone })
    return true
  } catch {
    return false
  }
}

// ---- Refunds ----

const HOLDS_MONEY = new Set<Refund['status']>(['pending', 'requires_action', 'succeeded'])

/** What can still be refunded on a payment: received, less refunds that did not fail or get canceled. */
export function refundableLeft(payment: Pick<Payment, 'id' | 'status' | 'amountReceived'>, refunds: ReadonlyArray<Pick<Refund, 'paymentId' | 'status' | 'amount'>>): number {
  if (payment.status !== 'succeeded') return 0
  const committed = refunds.reduce((sum, r) => (r.paymentId === payment.id && HOLDS_MONEY.has(r.status) ? sum + r.amount : sum), 0)
  return Math.max(0, payment.amountReceived - committed)
}

// ---- Chart scales ----

export interface Scale {
  /** The bottom of the axis: 0, or minus a whole number of steps when there is something below zero. */
  min: number
  /** The top of the axis: the smallest tick at or above the largest value. */
  max: number
  step: number
  ticks: number[]
}

/**
 * An axis in whole minor units from -below to above (both ≥ 0), with one step of 1, 2 or 5 × 10^n so the
 * labels read as round money: the smallest such step that spans it in at most targetTicks + 1 intervals.
 */
export function niceScale(above: number, below = 0, targetTicks = 4): Scale {
  const up = Math.max(0, Math.ceil(above))
  const down = Math.max(0, Math.ceil(below))
  if (up + down === 0) return { min: 0, max: 1, step: 1, ticks: [0, 1] }
  const intervals = (step: number) => Math.ceil(up / step) + Math.ceil(down / step)
  let step = 1
  search: for (let power = 10 ** Math.floor(Math.log10((up + down) / (targetTicks + 1))); ; power *= 10) {
    for (const multiple of [1, 2, 5]) {
      step = Math.max(1, multiple * power)
      if (intervals(step) <= targetTicks + 1) break search
    }
  }
  const min = down === 0 ? 0 : -Math.ceil(down / step) * step
  const max = Math.ceil(up / step) * step
  const ticks: number[] = []
  for (let tick = min; tick <= max; tick += step) ticks.push(tick)
  return { min, max, step, ticks }
}

// ---- Shop mode: the other tills' money in Reports (issue 16) ----

/** One other till's money in one currency over the report's period, from its payments and refunds pulled here. */
export interface OtherTillRevenue extends RevenueFigures {
  installation: string
  currency: string
  payments: number
  refundCount: number
}

export interface ShopRevenue {
  /** Unix ms of the last complete pull: the other tills' figures are as of then (null: never synced). */
  asOf: number | null
  /** Per till and currency, till then currency order; currencies are never added together. */
  tills: OtherTillRevenue[]
  /** This till plus every other till, per currency (alphabetical). */
  wholeShop: Array<RevenueFigures & { currency: string }>
}
