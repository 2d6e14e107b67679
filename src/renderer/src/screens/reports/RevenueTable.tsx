import type { CurrencyRevenue } from '@shared/insight'
import { RevenueFigureCells, RevenueFigureHeads } from './RevenueFigures'
import { longDayLabel } from './report-format'

/** The chart's numbers as a table: every day (or course) with gross, refunds and net, and the totals. */
export function RevenueTable({ revenue, by }: { revenue: CurrencyRevenue; by: 'day' | 'course' }) {
  const rows = by === 'day' ? revenue.days.map((d) => ({ key: d.day, label: longDayLabel(d.day), row: d })) : revenue.courses.map((c) => ({ key: c.code, label: c.title, row: c }))
  return (
    <div className="report-table">
      <table className="table">
        <caption className="visually-hidden">{by === 'day' ? `Revenue per day in ${revenue.currency}` : `Revenue per course in ${revenue.currency}`}</caption>
        <thead>
          <tr>
            <th scope="col">{by === 'day' ? 'Day' : 'Course'}</th>
            <RevenueFigureHeads />
          </tr>
        </thead>
        <tbody>
          {rows.map(({ key, label, row }) => (
            <tr key={key}>
              <th scope="row">{label}</th>
              <RevenueFigureCells row={row} currency={revenue.currency} />
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="table-total">
            <th scope="row">Total</th>
            <RevenueFigureCells row={revenue} currency={revenue.currency} />
          </tr>
        </tfoot>
      </table>
    </div>
  )
}
