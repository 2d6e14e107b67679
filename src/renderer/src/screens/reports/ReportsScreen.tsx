import { useEffect, useMemo, useRef, useState } from 'react'
import { presetPeriod, type RevenueScope } from '@shared/insight'
import { useLiveEvents, useQuery } from '../../app/hooks'
import { EmptyState, Loading, Panel } from '../../ui/Panel'
import { ChartPanel } from './ChartPanel'
import { CourseChart } from './CourseChart'
import { CurrencyCards } from './CurrencyCards'
import { ChartLegend, DayChart } from './DayChart'
import { PeriodPicker, periodProblem, type Period } from './PeriodPicker'
import { useAppInfo } from '../../app/context'
import { shopTimeZone } from '../../app/shop-format'
import { localToday, longDayLabel } from './report-format'
import { RecurringReport } from '../recurring/RecurringReport'
import { RevenueTable } from './RevenueTable'
import { ShopRevenuePanel } from './ShopRevenuePanel'
import { DiscountReport } from './DiscountReport'
import { MethodSplit } from './MethodSplit'
import { ScopeChoice } from './ScopeChoice'

/** Revenue for a period, per currency: gross, refunds and net per day and per course. */
export function ReportsScreen() {
  const today = useMemo(() => localToday(), [])
  // The shop's zone from Settings: the same days whichever machine shows the report.
  const timeZone = useAppInfo()?.timeZone ?? shopTimeZone()
  const [period, setPeriod] = useState<Period>(() => ({ choice: 'last7', ...presetPeriod('last7', today) }))
  // While a custom period is being typed, the last complete one stays on screen.
  const [shown, setShown] = useState({ from: period.from, to: period.to })
  const [chosen, setChosen] = useState<string | null>(null)
  // Shop mode offers the whole shop's figures; a till on its own only ever reports its own.
  const [shopStatus] = useQuery('shop:status', {})
  const shopMode = shopStatus.state === 'ready' && shopStatus.data.enabled
  const [chosenScope, setScope] = useState<RevenueScope>('till')
  const scope = shopMode ? chosenScope : 'till'
  const [report, reload] = useQuery('reports:revenue', { ...shown, timeZone, scope })

  const change = (next: Period) => {
    setPeriod(next)
    if (periodProblem(next) === null) setShown({ from: next.from, to: next.to })
  }

  // A sale or refund elsewhere changes the figures: refresh, at most once a second however busy the till is.
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null)
  useLiveEvents((event) => {
    if ((event.type !== 'order.changed' && event.type !== 'payment.changed' && event.type !== 'shop.synced') || pending.current) return
    pending.current = setTimeout(() => {
      pending.current = null
      reload()
    }, 1000)
  })
  useEffect(() => () => void (pending.current && clearTimeout(pending.current)), [])

  const currencies = report.state === 'ready' ? report.data.currencies : []
  const revenue = currencies.find((c) => c.currency === chosen) ?? currencies[0]
  const whose = scope === 'shop' ? ' · Whole shop' : ''
  return (
    <div className="reports stack">
      <Panel title="Reports" labelledBy="reports-title" actions={<span className="muted small">Days in {timeZone} time</span>}>
        <PeriodPicker period={period} today={today} onChange={change} />
        {shopMode && <ScopeChoice scope={scope} asOf={report.state === 'ready' ? report.data.shop?.asOf : shopStatus.data.asOf} onChange={setScope} />}
      </Panel>
      <RecurringReport timeZone={timeZone} />
      {report.state === 'loading' && <Loading label="Adding up the period…" />}
      {report.state === 'error' && (
        <Panel>
          <EmptyState title="The report could not be made">{report.message}</EmptyState>
        </Panel>
      )}
      {report.state === 'ready' && report.data.shop && <ShopRevenuePanel shop={report.data.shop} />}
      {report.state === 'ready' && !revenue && (
        <Panel>
          <EmptyState title={`No sales${scope === 'shop' ? ' in the whole shop' : report.data.shop ? ' at this till' : ''} from ${longDayLabel(shown.from)} to ${longDayLabel(shown.to)}`}>Choose a longer period, or make a sale on the Sell screen.</EmptyState>
        </Panel>
      )}
      {revenue && (
        <>
          <CurrencyCards currencies={currencies} selected={revenue.currency} onSelect={setChosen} />
          <ChartPanel
            title={`Revenue per day · ${revenue.currency}${whose}`}
            legend={<ChartLegend />}
            chart={<DayChart revenue={revenue} from={shown.from} to={shown.to} />}
            table={<RevenueTable revenue={revenue} by="day" />}
          />
          <ChartPanel
            title={`Revenue per course · ${revenue.currency}${whose}`}
            legend={<span className="muted small">Solid: net · light: refunded</span>}
            chart={<CourseChart revenue={revenue} />}
            table={<RevenueTable revenue={revenue} by="course" />}
          />
          <MethodSplit revenue={revenue} whose={whose} />
        </>
      )}
      {report.state === 'ready' && <DiscountReport from={shown.from} to={shown.to} timeZone={timeZone} />}
    </div>
  )
}
