// Pure: the filter bar's fields as typed, turned into the orders:list filters the main process validates again.
import type { OrderStatus } from '@shared/domain'
import type { MethodFilter, OrderFilters } from '@shared/history'
import { addDays } from '@shared/insight'
import { shopDayStart } from '../../../app/shop-format'

export interface FilterForm {
  statuses: OrderStatus[]
  /** yyyy-mm-dd from <input type="date">, or '' */
  from: string
  to: string
  courseId: number | null
  customer: { id: number; name: string } | null
  method: MethodFilter | ''
  text: string
  /** Shop mode: '' this till, 'all' every till, or another till's installation id. */
  till: string
}

export const EMPTY_FORM: FilterForm = { statuses: [], from: '', to: '', courseId: null, customer: null, method: '', text: '', till: '' }

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** The first instant of that day in the shop's time zone, in unix ms; the store keeps ms and knows no zone. */
export function localDayStart(date: string): number | null {
  return DATE.test(date) ? shopDayStart(date) : null
}

/** The last millisecond of that shop day (a day may be 23 or 25 hours long around a clock change). */
export function localDayEnd(date: string): number | null {
  return DATE.test(date) ? shopDayStart(addDays(date, 1)) - 1 : null
}

export function toOrderFilters(form: FilterForm): { filters: OrderFilters; error: string | null } {
  const filters: OrderFilters = {}
  if (form.statuses.length > 0) filters.statuses = [...form.statuses]
  const from = localDayStart(form.from)
  const to = localDayEnd(form.to)
  if (from !== null) filters.from = from
  if (to !== null) filters.to = to
  if (form.courseId !== null) filters.courseId = form.courseId
  if (form.customer) filters.accountId = form.customer.id
  if (form.method) filters.method = form.method
  if (form.text.trim()) filters.text = form.text.trim().slice(0, 200)
  if (form.till) filters.till = form.till
  const error = from !== null && to !== null && from > to ? 'The “from” date is after the “to” date' : null
  return { filters, error }
}

/** Whether a filter narrows the list (the till choice says whose list it is, not a filter: Clear keeps it). */
export function isFiltered(form: FilterForm): boolean {
  return JSON.stringify({ ...form, till: '' }) !== JSON.stringify(EMPTY_FORM)
}

export const DATE_PRESETS = ['Today', 'Yesterday', 'This week'] as const
export type DatePreset = (typeof DATE_PRESETS)[number]

/** The from/to days of a preset on the shop's calendar (`today` is its date now), weeks starting on Monday. */
export function presetRange(preset: DatePreset, today: string): { from: string; to: string } {
  if (preset === 'Today') return { from: today, to: today }
  if (preset === 'Yesterday') return { from: addDays(today, -1), to: addDays(today, -1) }
  const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7
  return { from: addDays(today, -weekday), to: today }
}
