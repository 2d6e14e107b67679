// The Orders screen's filters and sort live in the address (#/orders?view=…), so Back, a reload or a shared link
// returns to the same list instead of an unfiltered one.
import { ORDER_SORT_KEYS, SORT_DIRECTIONS, DEFAULT_ORDER_SORT, type OrderSort } from '@shared/history'
import { EMPTY_FORM, type FilterForm } from './filters-form'

export interface OrdersView {
  form: FilterForm
  sort: OrderSort
}

export function readOrdersView(hash: string): OrdersView {
  const query = hash.split('?')[1] ?? ''
  const raw = new URLSearchParams(query).get('view')
  if (!raw) return { form: EMPTY_FORM, sort: DEFAULT_ORDER_SORT }
  try {
    const parsed = JSON.parse(raw) as Partial<OrdersView>
    const form = { ...EMPTY_FORM, ...(typeof parsed.form === 'object' && parsed.form ? parsed.form : {}) }
    const sort = parsed.sort && ORDER_SORT_KEYS.includes(parsed.sort.key) && SORT_DIRECTIONS.includes(parsed.sort.direction) ? parsed.sort : DEFAULT_ORDER_SORT
    // Anything malformed falls back field by field to "any": the main process validates the filters again anyway.
    if (!Array.isArray(form.statuses)) form.statuses = []
    for (const key of ['from', 'to', 'text', 'method', 'till'] as const) if (typeof form[key] !== 'string') form[key] = ''
    if (typeof form.courseId !== 'number') form.courseId = null
    if (!form.customer || typeof form.customer.id !== 'number' || typeof form.customer.name !== 'string') form.customer = null
    return { form, sort }
  } catch {
    return { form: EMPTY_FORM, sort: DEFAULT_ORDER_SORT }
  }
}

/** Replaces the current history entry (no new Back step per keystroke) with this view. */
export function writeOrdersView(view: OrdersView) {
  const plain = JSON.stringify(view.form) === JSON.stringify(EMPTY_FORM) && view.sort.key === DEFAULT_ORDER_SORT.key && view.sort.direction === DEFAULT_ORDER_SORT.direction
  const hash = plain ? '#/orders' : `#/orders?${new URLSearchParams({ view: JSON.stringify(view) }).toString()}`
  if (window.location.hash !== hash) history.replaceState(history.state, '', hash)
}
