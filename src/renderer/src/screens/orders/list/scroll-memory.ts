// Where the Orders list was scrolled to, kept in the browser history entry of that list (history.state): Back from
// an order returns to the same entry, and so to the same rows, while a new visit to Orders starts at the top.

export interface ScrollMemory {
  /** The grid body's scrollTop, px. */
  top: number
  /** The row that had the focus (the one opened, usually). */
  active: number
}

const KEY = 'coursetillOrdersScroll'

export function rememberScroll(memory: ScrollMemory): void {
  const state = (history.state as Record<string, unknown> | null) ?? {}
  history.replaceState({ ...state, [KEY]: memory }, '', window.location.href)
}

export function recalledScroll(): ScrollMemory | null {
  const value = (history.state as Record<string, unknown> | null)?.[KEY] as Partial<ScrollMemory> | undefined
  if (!value || !Number.isFinite(value.top) || !Number.isInteger(value.active)) return null
  return { top: Math.max(0, value.top!), active: Math.max(0, value.active!) }
}
