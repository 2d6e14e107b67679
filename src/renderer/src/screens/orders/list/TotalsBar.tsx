import type { OrderTotals } from '@shared/history'
import type { Query } from '../../../app/hooks'
import { Money } from '../../../ui/Money'

/** How many orders match; shown beside the screen's title. */
export function OrderCount({ totals }: { totals: Query<OrderTotals> }) {
  if (totals.state !== 'ready') return null
  const { count } = totals.data
  return (
    <span className="orders-count">
      {count.toLocaleString('en-GB')} {count === 1 ? 'order' : 'orders'}
    </span>
  )
}

/** What the filtered orders add up to, one card per currency: amounts in different currencies are never added. */
export function TotalsBar({ totals }: { totals: Query<OrderTotals> }) {
  if (totals.state === 'error') return <p className="error small" role="alert">Totals could not be counted: {totals.message}</p>
  if (totals.state === 'loading') return <p className="orders-totals muted small">Counting…</p>
  return (
    <ul className="orders-totals" aria-label="Totals for the filtered orders">
      {totals.data.currencies.map((c) => (
        <li key={c.currency} className="orders-currency" aria-label={`${c.currency} totals`}>
          <span className="orders-currency-code">
            {c.currency} · {c.orders.toLocaleString('en-GB')} {c.orders === 1 ? 'order' : 'orders'}
          </span>
          <Money amount={c.amount} currency={c.currency} className="orders-currency-amount" />
          <span className="orders-currency-more">
            paid <Money amount={c.paid} currency={c.currency} />
          </span>
          <span className="orders-currency-more">
            refunded <Money amount={c.refunded} currency={c.currency} />
          </span>
        </li>
      ))}
    </ul>
  )
}
