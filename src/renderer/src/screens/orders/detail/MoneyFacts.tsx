import { Money } from '../../../ui/Money'

/** An order's total and what was paid on it (and refunded), as two facts of its header: this till's or a copy's. */
export function MoneyFacts({ amount, paid, refunded, currency }: { amount: number; paid: number; refunded: number; currency: string }) {
  return (
    <>
      <div>
        <dt>Total</dt>
        <dd>
          <Money amount={amount} currency={currency} />
        </dd>
      </div>
      <div>
        <dt>Paid</dt>
        <dd>
          <Money amount={paid} currency={currency} />
          {refunded > 0 && (
            <div className="muted small">
              <Money amount={refunded} currency={currency} /> refunded
            </div>
          )}
        </dd>
      </div>
    </>
  )
}
