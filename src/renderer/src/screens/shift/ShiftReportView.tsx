import type { ShiftReport, TenderLine } from '@shared/shifts'
import { formatDateTime } from '../../app/shop-format'
import { Button } from '../../ui/Button'
import { Money } from '../../ui/Money'

const METHOD = { cash: 'Cash', card: 'Card' } as const

function Tenders({ lines, label }: { lines: TenderLine[]; label: string }) {
  if (lines.length === 0) return <p className="muted">None.</p>
  return (
    <table className="table report-table" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">Method</th>
          <th scope="col">Currency</th>
          <th scope="col" className="num">Count</th>
          <th scope="col" className="num">Amount</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => (
          <tr key={`${line.method}-${line.currency}`}>
            <td>{METHOD[line.method]}</td>
            <td>{line.currency}</td>
            <td className="num">{line.count}</td>
            <td className="num">
              <Money amount={line.amount} currency={line.currency} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** An X or Z report, laid out to print on A4 or a receipt printer (see the print styles). */
export function ShiftReportView({ report }: { report: ShiftReport }) {
  const title = `${report.kind} report — shift #${report.shiftId}`
  return (
    <article className="shift-report printable" aria-label={title}>
      <div className="row between">
        <h2>{title}</h2>
        <Button size="sm" className="no-print" onClick={() => window.print()}>
          Print
        </Button>
      </div>
      <p className="muted">
        Opened {formatDateTime(report.openedAt)} by {report.openedBy}
        {report.closedAt !== null ? ` · closed ${formatDateTime(report.closedAt)} by ${report.closedBy ?? '—'}` : ` · as of ${formatDateTime(report.generatedAt)}`}
      </p>
      <h3>Drawer</h3>
      <table className="table report-table" aria-label="Drawer">
        <thead>
          <tr>
            <th scope="col">Currency</th>
            <th scope="col" className="num">Float</th>
            <th scope="col" className="num">Cash sales</th>
            <th scope="col" className="num">Cash refunds</th>
            <th scope="col" className="num">Paid in</th>
            <th scope="col" className="num">Paid out</th>
            <th scope="col" className="num">Expected</th>
            <th scope="col" className="num">Counted</th>
            <th scope="col" className="num">Over / short</th>
          </tr>
        </thead>
        <tbody>
          {report.drawer.map((line) => (
            <tr key={line.currency}>
              <th scope="row">{line.currency}</th>
              {[line.float, line.cashSales, line.cashRefunds, line.paidIn, line.paidOut, line.expected].map((amount, index) => (
                <td key={index} className="num">
                  <Money amount={amount} currency={line.currency} />
                </td>
              ))}
              <td className="num">{line.counted === null ? '—' : <Money amount={line.counted} currency={line.currency} />}</td>
              <td className={['num', line.overShort ? (line.overShort < 0 ? 'short' : 'over') : ''].join(' ')}>
                {line.overShort === null ? '—' : <>{line.overShort > 0 ? '+' : ''}{line.overShort < 0 ? '−' : ''}<Money amount={Math.abs(line.overShort)} currency={line.currency} /></>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>Takings</h3>
      <Tenders lines={report.tenders} label="Takings" />
      <h3>Refunds</h3>
      <Tenders lines={report.refunds} label="Refunds" />
      <h3>Discounts and voids</h3>
      <ul className="plain-list">
        {report.discounts.map((d) => (
          <li key={`d-${d.currency}`}>
            Discounts: {d.count} × <Money amount={d.amount} currency={d.currency} />
          </li>
        ))}
        {report.voids.map((v) => (
          <li key={`v-${v.currency}`}>
            Voided orders: {v.count}, <Money amount={v.amount} currency={v.currency} />
          </li>
        ))}
        {report.discounts.length + report.voids.length === 0 && <li className="muted">None.</li>}
      </ul>
      <h3>Paid in and out</h3>
      {report.movements.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul className="plain-list" aria-label="Paid in and out">
          {report.movements.map((m) => (
            <li key={m.id}>
              {m.kind === 'paid_in' ? 'Paid in' : 'Paid out'} <Money amount={m.amount} currency={m.currency} /> — {m.reason} ({m.staffName}, {formatDateTime(m.at)})
            </li>
          ))}
        </ul>
      )}
      <h3>Drawer opened without a sale</h3>
      {(report.noSales ?? []).length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul className="plain-list" aria-label="Drawer opened without a sale">
          {report.noSales!.map((n) => (
            <li key={n.id}>
              {n.reason} ({n.staffName}
              {n.approverName ? `, approved by ${n.approverName}` : ''}, {formatDateTime(n.at)})
            </li>
          ))}
        </ul>
      )}
      <h3>By person</h3>
      <ul className="plain-list" aria-label="By person">
        {report.people.map((p) => (
          <li key={p.staffId ?? 0}>
            <strong>{p.name}</strong>: {p.orders} orders
            {p.tenders.map((t) => (
              <span key={`${t.method}${t.currency}`}>
                {' '}
                · {METHOD[t.method]} <Money amount={t.amount} currency={t.currency} />
              </span>
            ))}
            {p.refunds.map((r) => (
              <span key={`r${r.method}${r.currency}`}>
                {' '}
                · refunded <Money amount={r.amount} currency={r.currency} />
              </span>
            ))}
          </li>
        ))}
        {report.people.length === 0 && <li className="muted">No sales yet.</li>}
      </ul>
    </article>
  )
}
