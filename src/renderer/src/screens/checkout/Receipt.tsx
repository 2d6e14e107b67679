import { useState, type ReactNode } from 'react'
import type { AppInfo, OrderDetail } from '@shared/domain'
import { formatDateTime } from '../../app/shop-format'
import { Button } from '../../ui/Button'
import { RenewalNote } from '../recurring/RenewalNote'
import { formatMoney } from '@shared/money'
import { Money } from '../../ui/Money'

const METHOD_LABEL = { card: 'Card', cash: 'Cash', credit: 'Store credit' } as const

type Paper = 'a4' | '80mm'
const PAPER_KEY = 'coursetill.receipt-paper'
// The till's printer stays chosen across sales and restarts: one counter has one printer.
const savedPaper = (): Paper => (localStorage.getItem(PAPER_KEY) === '80mm' ? '80mm' : 'a4')

/** What the customer takes away: printable, or saved as PDF from the print dialog. */
export function Receipt({ info, order, actions }: { info: AppInfo; order: OrderDetail; actions?: ReactNode }) {
  const owned = new Set(order.ownership.map((o) => o.courseId))
  const paid = order.payments.filter((p) => p.status === 'succeeded')
  const paidAt = paid.at(-1)?.updatedAt ?? order.updatedAt
  const lastCash = paid.filter((p) => p.method === 'cash').at(-1)
  const change = lastCash?.tenderedAmount ? lastCash.tenderedAmount - lastCash.amount : 0
  const ownedBefore = new Map(order.ownedElsewhere.map((o) => [o.courseId, o.orderId]))
  // Stripe emails the card receipt to the intent's receipt_email: say where, so the customer knows to look.
  const emailedTo = [...new Set(paid.filter((p) => p.method === 'card' && p.receiptEmail).map((p) => p.receiptEmail!))]
  const [paper, setPaper] = useState<Paper>(savedPaper)
  const choosePaper = (next: Paper) => {
    localStorage.setItem(PAPER_KEY, next)
    setPaper(next)
  }
  return (
    <article className={['receipt', paper === '80mm' ? 'receipt-80mm' : ''].filter(Boolean).join(' ')} aria-label="Receipt">
      {change > 0 && (
        <p className="change-due change-due-big no-print" role="status">
          Change due <strong>{formatMoney(change, order.currency)}</strong>
        </p>
      )}
      <header className="receipt-head">
        <h2>{info.shopName}</h2>
        {info.shopAddress && (
          <address className="receipt-address small" aria-label="Shop address">
            {info.shopAddress.split('\n').map((line) => (
              <div key={line}>{line}</div>
            ))}
          </address>
        )}
        {info.shopTaxId && <div className="small">Tax id {info.shopTaxId}</div>}
        <div className="muted small">Receipt for order #{order.id}</div>
        <div className="muted small">{formatDateTime(paidAt)}</div>
      </header>
      <div className="receipt-customer">
        <strong>{order.accountName}</strong> <span className="muted">{order.accountEmail}</span>
      </div>
      {order.servedBy && <div className="muted">Served by {order.servedBy}</div>}
      <table className="table receipt-lines">
        <tbody>
          {order.items.map((item) => (
            <tr key={item.courseId}>
              <td>{item.title}</td>
              <td className="num">
                <Money amount={item.unitAmount} currency={order.currency} />
              </td>
            </tr>
          ))}
          {order.discounts.map((d) => (
            <tr key={`discount-${d.id}`}>
              <td>Discount: {d.reason}</td>
              <td className="num">−{formatMoney(d.amount, order.currency)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="receipt-total">
            <td>Total</td>
            <td className="num">
              <Money amount={order.amount} currency={order.currency} />
            </td>
          </tr>
          {paid.map((payment) => (
            <tr key={payment.id} className="muted">
              <td>
                Paid by {METHOD_LABEL[payment.method]}
                {payment.method === 'cash' && payment.tenderedAmount && payment.tenderedAmount > payment.amount && (
                  <>
                    {' '}
                    (tendered <Money amount={payment.tenderedAmount} currency={order.currency} />, change <Money amount={payment.tenderedAmount - payment.amount} currency={order.currency} />)
                  </>
                )}
              </td>
              <td className="num">
                <Money amount={payment.amountReceived} currency={order.currency} />
              </td>
            </tr>
          ))}
        </tfoot>
      </table>
      {emailedTo.map((email) => (
        <p key={email} className="receipt-emailed small">
          Emailed to {email}
        </p>
      ))}
      {owned.size > 0 && (
        <section className="receipt-courses">
          <h3>Your new courses</h3>
          <ul aria-label="New courses">
            {order.items
              .filter((item) => owned.has(item.courseId))
              .map((item) => (
                <li key={item.courseId}>{item.title}</li>
              ))}
          </ul>
        </section>
      )}
      <RenewalNote order={order} />
      {ownedBefore.size > 0 && (
        <section className="receipt-courses">
          <h3>Already yours</h3>
          <ul aria-label="Courses already owned">
            {order.items
              .filter((item) => ownedBefore.has(item.courseId))
              .map((item) => (
                <li key={item.courseId}>
                  {item.title} <span className="muted small">(from order #{ownedBefore.get(item.courseId)})</span>
                </li>
              ))}
          </ul>
        </section>
      )}
      <footer className="receipt-foot muted small">Thank you. Keep this receipt for your records.</footer>
      <div className="row end no-print receipt-actions">
        <label className="receipt-paper">
          Paper{' '}
          <select className="input" value={paper} onChange={(e) => choosePaper(e.target.value as Paper)}>
            <option value="a4">A4 or PDF</option>
            <option value="80mm">80 mm receipt printer</option>
          </select>
        </label>
        <Button onClick={() => window.print()}>Print or save as PDF</Button>
        {actions}
      </div>
    </article>
  )
}
