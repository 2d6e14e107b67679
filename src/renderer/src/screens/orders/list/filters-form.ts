// Pure: the filter bar's fields as typed, turned into the orders:list filters the main process validates again.
import type { OrderStatus } from '@shared/domain'
import type { MethodFilter, OrderFilters } from '@shared/history'

export interface FilterForm {
  statuses: OrderStatus[]
  /** yyyy-mm-dd from <input type="date">, or '' */
  from: string
  to: string
  courseId: number | null
  customer: { id: number; name: string } | null
  method: MethodFilter | ''
  text: string
}

export const EMPTY_FORM: FilterForm = { statuses: [], from: '', to: '', courseId: null, customer: null, method: '', text: '' }

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** Midnight starting that day in this machine's time zone, in unix ms; the store keeps ms and knows no zone. */
export function localDayStart(date: string): number | null {
  const match = DATE.exec(date)
  if (!match) return null
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])).getTime()
}

/** The last millisecond of that local day (a day may be 23 or 25 hours long around a clock change). */
export function localDayEnd(date: string): number | null {
  const match = DATE.exec(date)
  if (!match) return null
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + 1).getTime() - 1
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
  const error = from !== null && to !== null && from > to ? 'The “from” date is after the “to” date' : null
  return { filters, error }
}

export function isFiltered(form: FilterForm): boolean {
  return JSON.stringify(form) !== JSON.stringify(EMPTY_FORM)
}

export const DATE_PRESETS = ['Today', 'Yesterday', 'This week'] as const
export type DatePreset = (typeof DATE_PRESETS)[number]

const isoDay = (date: Date) => `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`

/** The from/to days of a preset, weeks starting on Monday. */
export function presetRange(preset: DatePreset, now: Date): { from: string; to: string } {
  const day = new Date(now.getFullYear(), now.getMonth(), now.getDate())
  if (preset === 'Today') return { from: isoDay(day), to: isoDay(day) }
  if (preset === 'Yesterday') {
    const yesterday = new Date(day.getFullYear(), day.getMonth(), day.getDate() - 1)
    return { from: isoDay(yesterday), to: isoDay(yesterday) }
  }
  const monday = new Date(day.getFullYear(), day.getMonth(), day.getDate() - ((day.getDay() + 6) % 7))
  return { from: isoDay(monday), to: isoDay(day) }
}
