import { useState, type FormEvent } from 'react'
import type { OrderDetail } from '@shared/domain'
import { currencyExponent, formatMoney, parseAmount } from '@shared/money'
import { quickCashAmounts } from './quick-cash'
import { api } from '../../api/transport'
import { Button } from '../../ui/Button'
import { TextField } from '../../ui/Field'

/** Split tender: take some or all in cash; the card is then charged only what is left. */
export function CashPart({ order, onChanged, disabled, autoFocus }: { order: OrderDetail; onChanged: (order: OrderDetail) => void; disabled: boolean; autoFocus?: boolean }) {
  const [typed, setTyped] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  // One key per cash attempt: a double submit or a retry of the same attempt records the cash once.
  const [requestKey, setRequestKey] = useState(() => crypto.randomUUID())
  const lastCash = [...order.payments].reverse().find((p) => p.method === 'cash')
  const change = lastCash?.tenderedAmount ? lastCash.tenderedAmount - lastCash.amount : 0

  async function take(event: FormEvent) {
    event.preventDefault()
    let tendered: number
    try {
      tendered = parseAmount(typed, order.currency)
    } catch (failure) {
      return setError((failure as Error).message)
    }
    if (tendered <= 0) return setError('Enter the cash handed over')
    await record(tendered)
  }

  async function record(tendered: number) {
    setBusy(true)
    setError(null)
    try {
      onChanged(await api.invoke('orders:recordCash', { orderId: order.id, tendered, requestKey }))
      setRequestKey(crypto.randomUUID())
      setTyped('')
    } catch (failure) {
      setError((failure as Error).message)
    } finally {
      setBusy(false)
    }
  }

  const example = currencyExponent(order.currency) === 0 ? '1000' : currencyExponent(order.currency) === 3 ? '5.250' : '20.00'
  return (
    <form className="cash-part" onSubmit={take} aria-label="Cash payment">
      <TextField
        label={`Cash handed over (${order.currency})`}
        inputMode="decimal"
        placeholder={example}
        value={typed}
        onChange={(e) => setTyped(e.target.value)}
        error={error}
        disabled={disabled}
        hint={`Still to pay: ${formatMoney(order.amountDue, order.currency)}`}
        autoFocus={autoFocus}
      />
      <Button type="submit" busy={busy} disabled={disabled || typed.trim() === ''}>
        Take cash
      </Button>
      <div className="quick-cash" role="group" aria-label="Quick cash">
        {quickCashAmounts(order.amountDue, order.currency).map((amount, index) => (
          <Button key={amount} size="sm" disabled={disabled || busy} onClick={() => void record(amount)}>
            {index === 0 ? `Exact ${formatMoney(amount, order.currency)}` : formatMoney(amount, order.currency)}
          </Button>
        ))}
      </div>
      {change > 0 && (
        <p className="change-due" role="status">
          Change due: <strong>{formatMoney(change, order.currency)}</strong>
        </p>
      )}
    </form>
  )
}
