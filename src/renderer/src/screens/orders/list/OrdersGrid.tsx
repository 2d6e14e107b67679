import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react'
import type { OrderListRow, OrderSort, OrderSortKey } from '@shared/history'
import { Button } from '../../../ui/Button'
import { orderHref, OrderRow } from './OrderRow'
import type { OrderPages } from './useOrderPages'
import { moveFocus, needsMore, revealRow, visibleRows } from './window-math'
import { recalledScroll, rememberScroll } from './scroll-memory'

// Fixed row height: the grid computes positions instead of measuring, so a million rows cost what forty do.
export const ROW_HEIGHT = 56
const OVERSCAN = 8
const LOOKAHEAD = 80
const FOOTER = 48

const COLUMNS: Array<{ label: string; sort?: OrderSortKey; first?: OrderSort['direction']; className: string }> = [
  { label: 'Order', className: 'orders-id' },
  { label: 'Date', sort: 'created', first: 'desc', className: 'orders-when' },
  { label: 'Customer', sort: 'customer', first: 'asc', className: 'orders-customer' },
  { label: 'Courses', className: 'orders-items' },
  { label: 'Amount', sort: 'amount', first: 'desc', className: 'orders-money' },
  { label: 'Method', className: 'orders-method' },
  { label: 'Status', sort: 'status', first: 'asc', className: 'orders-status' },
]

interface GridProps {
  pages: OrderPages
  sort: OrderSort
  onSort: (sort: OrderSort) => void
  /** From orders:totals; null while counting. */
  total: number | null
  filtered: boolean
}

/** A windowed grid: only the rows in view (plus overscan) are in the DOM; pages load as the end comes near. */
export function OrdersGrid({ pages, sort, onSort, total, filtered }: GridProps) {
  const body = useRef<HTMLDivElement>(null)
  // Back from an order: the position this list entry had, restored once enough pages have loaded to show it.
  const restoring = useRef(recalledScroll())
  const [scrollTop, setScrollTop] = useState(() => restoring.current?.top ?? 0)
  const [height, setHeight] = useState(400)
  const [active, setActive] = useState(() => restoring.current?.active ?? 0)
  const focusWanted = useRef(false)
  const saveTimer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const { rows } = pages
  const drawn = visibleRows(scrollTop, height, ROW_HEIGHT, rows.length, OVERSCAN)

  useLayoutEffect(() => {
    const element = body.current
    if (!element) return
    const observer = new ResizeObserver(() => setHeight(element.clientHeight))
    observer.observe(element)
    return () => observer.disconnect()
  }, [])

  // A new query starts at the top (unless this is the first load of a list being returned to).
  useEffect(() => {
    if (rows.length === 0 && body.current && !restoring.current) {
      body.current.scrollTop = 0
      setScrollTop(0)
      setActive(0)
    }
  }, [rows.length])

  useLayoutEffect(() => {
    const memory = restoring.current
    const element = body.current
    if (!memory || !element || pages.loading || pages.error !== null) return
    if (rows.length * ROW_HEIGHT < memory.top + height && !pages.done) return
    restoring.current = null
    element.scrollTop = memory.top
    setScrollTop(element.scrollTop)
    setActive(Math.min(memory.active, Math.max(0, rows.length - 1)))
    focusWanted.current = rows.length > 0
  }, [rows.length, pages.loading, pages.done, pages.error, height])

  useEffect(() => () => void (saveTimer.current && clearTimeout(saveTimer.current)), [])

  const activeRef = useRef(active)
  activeRef.current = active
  function saveNow() {
    if (saveTimer.current) clearTimeout(saveTimer.current)
    saveTimer.current = null
    if (!restoring.current) rememberScroll({ top: body.current?.scrollTop ?? 0, active: activeRef.current })
  }

  useEffect(() => {
    if (needsMore(drawn, rows.length, LOOKAHEAD, { done: pages.done, loading: pages.loading, failed: pages.error !== null })) pages.loadMore()
  }, [drawn, rows.length, pages])

  useEffect(() => {
    if (!focusWanted.current) return
    const row = body.current?.querySelector<HTMLElement>(`[data-index="${active}"]`)
    if (row) {
      row.focus({ preventScroll: true })
      focusWanted.current = false
    }
  }, [active, drawn.start, drawn.end])

  function onScroll() {
    const top = body.current?.scrollTop ?? 0
    setScrollTop(top)
    // At most a few history writes a second (browsers throttle replaceState).
    if (!saveTimer.current) saveTimer.current = setTimeout(saveNow, 300)
    // Keep the one tabbable row among those drawn, so Tab always lands in view.
    const first = Math.floor(top / ROW_HEIGHT)
    const last = Math.floor((top + height) / ROW_HEIGHT) - 1
    if (active < first || active > last) setActive(Math.min(first, Math.max(0, rows.length - 1)))
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Enter' && rows[active]) return (saveNow(), open(rows[active]))
    const to = moveFocus(event.key, active, rows.length, Math.floor(height / ROW_HEIGHT))
    if (to === null) return
    event.preventDefault()
    focusWanted.current = true
    setActive(to)
    if (body.current) body.current.scrollTop = revealRow(to, body.current.scrollTop, height, ROW_HEIGHT)
  }

  function open(row: OrderListRow) {
    window.location.hash = orderHref(row)
  }

  function toggle(key: OrderSortKey, first: OrderSort['direction']) {
    onSort(sort.key === key ? { key, direction: sort.direction === 'asc' ? 'desc' : 'asc' } : { key, direction: first })
  }

  const empty = !pages.loading && pages.error === null && rows.length === 0
  return (
    <div role="grid" aria-label="Orders" aria-rowcount={total === null ? -1 : total + 1} aria-colcount={COLUMNS.length} aria-busy={pages.loading} className="orders-grid">
      <div role="rowgroup" className="orders-head">
        <div role="row" aria-rowindex={1} className="orders-row orders-head-row">
          {COLUMNS.map((column) => (
            <div key={column.label} role="columnheader" className={`orders-cell ${column.className}`} aria-sort={column.sort === sort.key ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined}>
              {column.sort ? (
                <button type="button" className="orders-sort" onClick={() => toggle(column.sort!, column.first!)}>
                  {column.label}
                  <span aria-hidden="true" className="orders-sort-mark">
                    {column.sort === sort.key ? (sort.direction === 'asc' ? '▲' : '▼') : '↕'}
                  </span>
                </button>
              ) : (
                column.label
              )}
            </div>
          ))}
        </div>
      </div>
      {/* The scroller is a plain box: inside the grid only rows may carry roles (the footer is plain text). */}
      <div ref={body} className="orders-body" onScroll={onScroll} onKeyDown={onKeyDown} onClickCapture={saveNow}>
        {empty && (
          <div className="orders-empty">
            {filtered ? 'No orders match these filters. Clear a filter or widen the dates.' : 'No orders yet. Sales made at the counter appear here.'}
          </div>
        )}
        <div role="rowgroup" className="orders-spacer" style={{ height: rows.length * ROW_HEIGHT + (empty ? 0 : FOOTER) }}>
          {rows.slice(drawn.start, drawn.end).map((row, offset) => {
            const index = drawn.start + offset
            return <OrderRow key={`${row.till ?? ''}:${row.id}`} row={row} index={index} active={index === active} style={{ transform: `translateY(${index * ROW_HEIGHT}px)` }} onOpen={open} onFocusRow={(i) => ((activeRef.current = i), setActive(i))} />
          })}
          {!empty && (
            <div className="orders-footer" style={{ transform: `translateY(${rows.length * ROW_HEIGHT}px)` }}>
              {pages.error ? (
                <>
                  <span className="error">The orders could not be loaded: {pages.error}</span>
                  <Button size="sm" onClick={rows.length ? pages.loadMore : pages.reload}>
                    Retry
                  </Button>
                </>
              ) : pages.loading ? (
                <span className="muted">Loading orders…</span>
              ) : pages.done ? (
                <span className="muted">{rows.length.toLocaleString('en-GB')} orders — that is all of them</span>
              ) : (
                <span className="muted">{rows.length.toLocaleString('en-GB')} orders so far — scroll for more</span>
              )}
            </div>
          )}
        </div>
      </div>
    </div>
  )
}
