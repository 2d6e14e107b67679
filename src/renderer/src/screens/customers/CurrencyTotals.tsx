import type { CurrencyTotal } from '@shared/insight'
import { Money } from '../../ui/Money'

/** Net spent per currency, one line each: amounts in different currencies are never added up. */
export function CurrencyTotals({ totals, align = 'end' }: { totals: CurrencyTotal[]; align?: 'start' | 'end' }) {
  if (totals.length === 0) return <span className="muted">—</span>
  return (
    <ul className={`currency-totals currency-totals-${align}`}>
      {totals.map((total) => (
        <li key={total.currency}>
          <Money amount={total.net} currency={total.currency} />
          {total.refunded > 0 && (
            <span className="muted small">
              {' '}
              (<Money amount={total.refunded} currency={total.currency} /> refunded)
            </span>
          )}
        </li>
      ))}
    </ul>
  )
}

export function orderCount(totals: CurrencyTotal[]): number {
  return totals.reduce((sum, total) => sum + total.orders, 0)
}
