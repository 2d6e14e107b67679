import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { OrderSort } from '@shared/history'
import { useLiveEvents, useQuery } from '../../app/hooks'
import { Button } from '../../ui/Button'
import { Panel } from '../../ui/Panel'
import { ExportButton } from './list/ExportButton'
import { FiltersBar } from './list/FiltersBar'
import { jumpTo } from './list/JumpToDate'
import { isFiltered, toOrderFilters, type FilterForm } from './list/filters-form'
import { readOrdersView, writeOrdersView } from './list/orders-url'
import { OrdersGrid } from './list/OrdersGrid'
import { OrderCount, TotalsBar } from './list/TotalsBar'
import { useOrderPages } from './list/useOrderPages'
import { ShopFreshness } from './list/ShopFreshness'
import { TillFilter } from './list/TillFilter'

// Totals follow sales as they happen, but at most this often: a busy webhook burst is one recount, not fifty.
const TOTALS_REFRESH_MS = 2_000

/**
 * Every order in the store, filtered, sorted and totalled; in shop mode also other tills' orders as last pulled.
 * Reads only the local store, so it works offline.
 */
export function OrdersScreen() {
  const [initial] = useState(() => readOrdersView(window.location.hash))
  const [form, setForm] = useState<FilterForm>(initial.form)
  const [sort, setSort] = useState<OrderSort>(initial.sort)
  useEffect(() => writeOrdersView({ form, sort }), [form, sort])
  const { filters, error } = useMemo(() => toOrderFilters(form), [form])
  const usable = error ? null : filters
  const pages = useOrderPages(usable, sort)
  const [totals, recount] = useQuery('orders:totals', { filters: usable ?? {} })
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null)
  // The list is not reshuffled under the manager's eyes: a change offers a refresh instead.
  const [changed, setChanged] = useState(false)

  useLiveEvents((event) => {
    // Other tills' orders change when this till pulls them (shop mode), its own when they change here.
    const relevant = event.type === 'order.changed' || (event.type === 'shop.synced' && form.till !== '')
    if (!relevant) return
    setChanged(true)
    if (pending.current) return
    pending.current = setTimeout(() => {
      pending.current = null
      recount()
    }, TOTALS_REFRESH_MS)
  })
  useEffect(() => () => void (pending.current && clearTimeout(pending.current)), [])

  const onChange = useCallback((next: FilterForm) => setForm(next), [])
  const onJump = useCallback(
    (date: string) => {
      const next = jumpTo(date, form, sort)
      setForm(next.form)
      setSort(next.sort)
    },
    [form, sort],
  )
  return (
    <div className="orders">
      <Panel
        title={
          <>
            Orders <OrderCount totals={totals} />
          </>
        }
        labelledBy="orders-title"
        className="orders-panel"
        actions={
          <>
            {changed && (
              <Button
                variant="ghost"
                size="sm"
                onClick={() => {
                  setChanged(false)
                  pages.reload()
                }}
              >
                Orders changed — refresh
              </Button>
            )}
            <TillFilter till={form.till} onChange={(till) => setForm({ ...form, till })} />
            <ExportButton filters={usable} sort={sort} />
          </>
        }
      >
        <FiltersBar form={form} onChange={onChange} onJump={onJump} error={error} />
        <ShopFreshness showingOthers={form.till !== ''} />
        <TotalsBar totals={totals} />
        <OrdersGrid pages={pages} sort={sort} onSort={setSort} total={totals.state === 'ready' && !error ? totals.data.count : null} filtered={isFiltered(form)} />
      </Panel>
    </div>
  )
}
