import type { CurrencyRevenue, RevenueFigures } from '@shared/insight'
import { Money } from '../../ui/Money'
import { longDayLabel } from './report-format'

function Figures({ row, currency }: { row: RevenueFigures; currency: string }) {
  return (
    <>
      <td className="num">
        <Money amount={row.gross} currency={currency} />
      </td>
      <td className="num">
        <Money amount={row.refunds} currency={currency} />
      </td>
      <td className="num">
        <Money amount={row.net} currency={currency} />
      </td>
    </>
  )
}

/** The chart's numbers as a table: every day (or course) with gross, refunds and net, and the totals. */
export function RevenueTable({ revenue, by }: { revenue: CurrencyRevenue; by: 'day' | 'course' }) {
  const rows = by === 'day' ? revenue.days.map((d) => ({ key: d.day, label: longDayLabel(d.day), row: d })) : revenue.courses.map((c) => ({ key: String(c.courseId), label: c.title, row: c }))
  return (
    <div className="report-table">
      <table className="table">
        <caption className="visually-hidden">{by === 'day' ? `Revenue per day in ${revenue.currency}` : `Revenue per course in ${revenue.currency}`}</caption>
        <thead>
          <tr>
            <th scope="col">{by === 'day' ? 'Day' : 'Course'}</th>
            <th scope="col" className="num">
              Gross
            </th>
            <th scope="col" className="num">
              Refunds
            </th>
            <th scope="col" className="num">
              Net
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ key, label, row }) => (
            <tr key={key}>
              <th scope="row">{label}</th>
              <Figures row={row} currency={revenue.currency} />
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="table-total">
            <th scope="row">Total</th>
            <Figures row={revenue} currency={revenue.currency} />
          </tr>
        </tfoot>
      </table>
    </div>
  )
}
