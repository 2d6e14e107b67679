import { useState, type FormEvent } from 'react'
import type { OrderDetail } from '@shared/domain'
import { currencyExponent, formatMoney, parseAmount } from '@shared/money'
import { api } from '../../api/transport'
import { useLiveEvents, useQuery } from '../../app/hooks'
import { Button } from '../../ui/Button'
import { TextField } from '../../ui/Field'
import { Panel } from '../../ui/Panel'

/**
 * Store credit as a tender beside cash and card: some or all of what is due, from the customer's balance in the
 * order's currency. The main process applies it with the order's money rules; the card is then asked only the rest.
 */
export function CreditPart({ order, onChanged, disabled }: { order: OrderDetail; onChanged: (order: OrderDetail) => void; disabled: boolean }) {
  const [credit, reload] = useQuery('credit:get', { customerId: order.accountId })
  useLiveEvents((event) => event.type === 'credit.changed' && event.accountId === order.accountId && reload())
  const [typed, setTyped] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  // One key per attempt: a double click or a retry of the same attempt applies the credit once.
  const [requestKey, setRequestKey] = useState(() => crypto.randomUUID())

  if (credit.state !== 'ready') return null
  const balance = credit.data.balances.find((b) => b.currency === order.currency)?.balance ?? 0
  const usedHere = order.payments.filter((p) => p.method === 'credit' && p.status === 'succeeded').reduce((sum, p) => sum + p.amountReceived, 0)
  if (balance === 0 && usedHere === 0) return null
  const most = Math.min(balance, order.amountDue)
  const money = (amount: number) => formatMoney(amount, order.currency)

  async function apply(amount: number) {
    setBusy(true)
    setError(null)
    try {
      onChanged(await api.invoke('credit:apply', { orderId: order.id, amount, currency: order.currency, requestKey }))
      setRequestKey(crypto.randomUUID())
      setTyped('')
    } catch (failure) {
      setError((failure as Error).message)
    } finally {
      setBusy(false)
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault()
    let amount: number
    try {
      amount = parseAmount(typed, order.currency)
    } catch (failure) {
      return setError((failure as Error).message)
    }
    if (amount <= 0) return setError('Enter the credit to use')
    if (amount > most) return setError(`At most ${money(most)} of credit can pay this order`)
    void apply(amount)
  }

  const example = currencyExponent(order.currency) === 0 ? '500' : currencyExponent(order.currency) === 3 ? '2.500' : '5.00'
  return (
    <Panel title="Store credit" labelledBy="checkout-credit-title">
      <form className="cash-part" onSubmit={submit} aria-label="Store credit payment">
        <p className="credit-balance" role="status">
          {order.accountName} has <strong>{money(balance)}</strong> of credit{usedHere > 0 ? `; ${money(usedHere)} already used on this order` : ''}.
        </p>
        {most > 0 && (
          <>
            <TextField label={`Credit to use (${order.currency})`} inputMode="decimal" placeholder={example} value={typed} onChange={(e) => setTyped(e.target.value)} error={error} disabled={disabled} hint={`Up to ${money(most)}`} />
            <Button type="submit" busy={busy} disabled={disabled || typed.trim() === ''}>
              Use credit
            </Button>
            <div className="quick-cash" role="group" aria-label="Quick credit">
              <Button size="sm" disabled={disabled || busy} onClick={() => void apply(most)}>
                Use {money(most)}
              </Button>
            </div>
          </>
        )}
        {most === 0 && error && (
          <p className="inline-error" role="alert">
            {error}
          </p>
        )}
      </form>
    </Panel>
  )
}
