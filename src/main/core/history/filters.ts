import type { OrderStatus, PaymentMethod } from '@shared/domain'
import type { MethodFilter, OrderFilters } from '@shared/history'

// Pure: turns validated filters into what the SQL builder binds. Nothing here touches the store.

/** order_history.methods is a bit set; these are the values each method filter allows. */
export const CARD_BIT = 1
export const CASH_BIT = 2
/** Store credit (migration 025): an order with a credit payment. */
export const CREDIT_BIT = 4
export const ALL_METHOD_SETS = [0, 1, 2, 3, 4, 5, 6, 7] as const
const setsWith = (bits: number) => ALL_METHOD_SETS.filter((set) => (set & bits) === bits)
const METHOD_SETS: Record<MethodFilter, readonly number[]> = {
  card: setsWith(CARD_BIT),
  cash: setsWith(CASH_BIT),
  credit: setsWith(CREDIT_BIT),
  both: setsWith(CARD_BIT | CASH_BIT),
}

export type SearchText =
  | { kind: 'order'; orderId: number }
  | { kind: 'intent'; intentId: string }
  /** A LIKE pattern (escaped with \) matched against customer names and emails. */
  | { kind: 'customer'; pattern: string }

/** What the search box finds once the customer part is resolved against the store. */
export type ResolvedText =
  | { kind: 'order'; orderId: number }
  | { kind: 'intent'; intentId: string }
  /** The matching customers' ids when there are few enough to list (null beyond that), and the pattern itself. */
  | { kind: 'customer'; pattern: string; ids: number[] | null }

export interface HistoryQuery {
  statuses: OrderStatus[] | null
  methods: number[] | null
  from: number | null
  to: number | null
  accountId: number | null
  courseId: number | null
  text: ResolvedText | null
}

export function methodSets(method: MethodFilter | undefined): number[] | null {
  return method === undefined ? null : [...METHOD_SETS[method]]
}

export function methodsOf(bits: number): PaymentMethod[] {
  const methods: PaymentMethod[] = []
  if (bits & CARD_BIT) methods.push('card')
  if (bits & CASH_BIT) methods.push('cash')
  if (bits & CREDIT_BIT) methods.push('credit')
  return methods
}

/** "#123" or "123" is an order number, "pi_…" a payment intent, anything else part of a name or email. */
export function parseSearchText(text: string | undefined): SearchText | null {
  const needle = text?.trim() ?? ''
  if (needle === '') return null
  const number = /^#?\s*(\d{1,15})$/.exec(needle)
  if (number) return { kind: 'order', orderId: Number(number[1]) }
  if (/^pi_[A-Za-z0-9_]+$/.test(needle)) return { kind: 'intent', intentId: needle }
  return { kind: 'customer', pattern: `%${escapeLike(needle)}%` }
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`)
}

/** The filters with duplicates removed and absent fields as null; text is resolved separately. */
export function normalizeFilters(filters: OrderFilters = {}): Omit<HistoryQuery, 'text'> {
  return {
    statuses: filters.statuses ? [...new Set(filters.statuses)].sort() : null,
    methods: methodSets(filters.method),
    from: filters.from ?? null,
    to: filters.to ?? null,
    accountId: filters.accountId ?? null,
    courseId: filters.courseId ?? null,
  }
}

export const DAY_MS = 86_400_000

export interface DaySplit {
  /** Whole UTC days inside the range (order_day_total.day numbers); null ends are open. Absent if none. */
  days: { first: number | null; last: number | null } | null
  /** The parts of the range not covered by whole days, read order by order. */
  edges: Array<{ from: number | null; to: number | null }>
}

/** Splits an inclusive [from, to] ms range into whole UTC days plus the partial days at either end. */
export function splitByWholeDays(from: number | null, to: number | null): DaySplit {
  const first = from === null ? null : Math.ceil(from / DAY_MS)
  const last = to === null ? null : Math.floor((to + 1) / DAY_MS) - 1
  if (first !== null && last !== null && first > last) return { days: null, edges: [{ from, to }] }
  const edges: DaySplit['edges'] = []
  if (from !== null && first !== null && from < first * DAY_MS) edges.push({ from, to: first * DAY_MS - 1 })
  if (to !== null && last !== null && to > (last + 1) * DAY_MS - 1) edges.push({ from: (last + 1) * DAY_MS, to })
  return { days: { first, last }, edges }
}
