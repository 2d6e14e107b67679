import type { CurrencyRevenue } from '@shared/insight'
import { Money } from '../../ui/Money'

/** One card per currency with its gross, refunds and net: also how a currency is chosen for the charts. */
export function CurrencyCards({ currencies, selected, onSelect }: { currencies: CurrencyRevenue[]; selected: string; onSelect: (currency: string) => void }) {
  return (
    <div className="currency-cards" role="group" aria-label="Currency">
      {currencies.map((revenue) => (
        <button
          key={revenue.currency}
          type="button"
          className="currency-card"
          aria-pressed={revenue.currency === selected}
          onClick={() => onSelect(revenue.currency)}
        >
          <span className="currency-code">{revenue.currency}</span>
          <Money className="currency-net" amount={revenue.net} currency={revenue.currency} />
          <span className="currency-figures">
            <span>
              Gross <Money amount={revenue.gross} currency={revenue.currency} />
            </span>
            <span>
              Refunds <Money amount={revenue.refunds} currency={revenue.currency} />
            </span>
          </span>
          <span className="muted small">
            {revenue.payments} payment{revenue.payments === 1 ? '' : 's'}, {revenue.refundCount} refund{revenue.refundCount === 1 ? '' : 's'}
          </span>
        </button>
      ))}
    </div>
  )
}
