import { useLiveEvents, useQuery } from '../../app/hooks'
import { formatMonth } from '../../app/shop-format'
import { Money } from '../../ui/Money'
import { EmptyState, Panel } from '../../ui/Panel'

/** Recurring revenue per month (memberships and payment plans) and what is past due now, per currency. */
export function RecurringReport({ timeZone }: { timeZone: string }) {
  const [report, reload] = useQuery('reports:recurring', { months: 12, timeZone })
  useLiveEvents((event) => (event.type === 'membership.changed' || event.type === 'installments.changed' || event.type === 'order.changed') && reload())
  if (report.state !== 'ready') return null
  const { months, pastDue } = report.data
  return (
    <Panel title="Recurring revenue" labelledBy="reports-recurring-title" className="recurring-report">
      {months.length === 0 ? (
        <EmptyState title="No membership or payment plan income in the last 12 months" />
      ) : (
        <table className="data-table" aria-label="Recurring revenue per month">
          <thead>
            <tr>
              <th>Month</th>
              <th>Currency</th>
              <th className="num">Memberships</th>
              <th className="num">Payment plans</th>
            </tr>
          </thead>
          <tbody>
            {months.map((row) => (
              <tr key={`${row.month}-${row.currency}`}>
                <td>{formatMonth(row.month)}</td>
                <td>{row.currency}</td>
                <td className="num">
                  <Money amount={row.memberships} currency={row.currency} />
                </td>
                <td className="num">
                  <Money amount={row.installments} currency={row.currency} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>Past due now</h3>
      {pastDue.length === 0 ? (
        <p className="muted">Nothing is past due.</p>
      ) : (
        <ul className="past-due-totals" aria-label="Past due per currency">
          {pastDue.map((row) => (
            <li key={row.currency}>
              <Money amount={row.amount} currency={row.currency} /> — {row.plans} plan part(s), {row.memberships} membership renewal(s)
            </li>
          ))}
        </ul>
      )}
    </Panel>
  )
}
