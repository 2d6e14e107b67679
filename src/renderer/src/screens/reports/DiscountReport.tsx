import { useEffect, useRef } from 'react'
import { useLiveEvents, useQuery } from '../../app/hooks'
import { Money } from '../../ui/Money'
import { Panel } from '../../ui/Panel'

/** Discounts given on the period's paid sales, per currency (never added across currencies). */
export function DiscountReport({ from, to, timeZone }: { from: string; to: string; timeZone: string }) {
  const [report, reload] = useQuery('reports:discounts', { from, to, timeZone })
  // A sale paid elsewhere adds its discounts: refresh at most once a second, as the revenue above does.
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null)
  useLiveEvents((event) => {
    if (event.type !== 'order.changed' || pending.current) return
    pending.current = setTimeout(() => {
      pending.current = null
      reload()
    }, 1000)
  })
  useEffect(() => () => void (pending.current && clearTimeout(pending.current)), [])
  if (report.state !== 'ready') return null
  return (
    <Panel title="Discounts" labelledBy="reports-discounts-title" actions={<span className="muted small">On paid sales made in the period</span>}>
      {report.data.currencies.length === 0 ? (
        <p className="muted">No discounts in this period.</p>
      ) : (
        <table className="table" aria-labelledby="reports-discounts-title">
          <thead>
            <tr>
              <th scope="col">Currency</th>
              <th scope="col" className="num">
                Discounts
              </th>
              <th scope="col" className="num">
                Taken off
              </th>
            </tr>
          </thead>
          <tbody>
            {report.data.currencies.map((line) => (
              <tr key={line.currency}>
                <th scope="row">{line.currency}</th>
                <td className="num">{line.count}</td>
                <td className="num">
                  <Money amount={line.amount} currency={line.currency} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Panel>
  )
}
