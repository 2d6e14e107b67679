// Pure arithmetic for the windowed orders grid: which rows to draw, where to scroll, where a key moves the focus.

export interface RowWindow {
  /** First row to draw (inclusive) and the row after the last (exclusive). */
  start: number
  end: number
}

/** The rows in view plus `overscan` on each side, so a fast scroll never shows a blank band. */
export function visibleRows(scrollTop: number, viewportHeight: number, rowHeight: number, count: number, overscan: number): RowWindow {
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight)
  const inView = Math.ceil(Math.max(0, viewportHeight) / rowHeight) + 1
  return { start: clamp(first - overscan, 0, count), end: clamp(first + inView + overscan, 0, count) }
}

/** The scrollTop that brings row `index` fully into view, moving as little as possible. */
export function revealRow(index: number, scrollTop: number, viewportHeight: number, rowHeight: number): number {
  const top = index * rowHeight
  if (top < scrollTop) return top
  if (top + rowHeight > scrollTop + viewportHeight) return Math.max(0, top + rowHeight - viewportHeight)
  return scrollTop
}

/** Where the focus goes for a navigation key, or null for keys the grid does not handle. */
export function moveFocus(key: string, index: number, count: number, pageRows: number): number | null {
  if (count === 0) return null
  const to: Record<string, number> = {
    ArrowDown: index + 1,
    ArrowUp: index - 1,
    PageDown: index + Math.max(1, pageRows - 1),
    PageUp: index - Math.max(1, pageRows - 1),
    Home: 0,
    End: count - 1,
  }
  return key in to ? clamp(to[key]!, 0, count - 1) : null
}

/** Ask for the next page once the drawn rows come within `lookahead` rows of the end of what is loaded. */
export function needsMore(window: RowWindow, loaded: number, lookahead: number, state: { done: boolean; loading: boolean; failed: boolean }): boolean {
  return !state.done && !state.loading && !state.failed && window.end + lookahead >= loaded
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value))
}
