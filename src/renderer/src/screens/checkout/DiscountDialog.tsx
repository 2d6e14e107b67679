import { useState, type FormEvent } from 'react'
import type { OrderDetail } from '@shared/domain'
import { formatMoney, parseAmount } from '@shared/money'
import { api } from '../../api/transport'
import { needsManagerSession, useManagerAction } from '../../app/useManagerAction'
import { Button } from '../../ui/Button'
import { Dialog } from '../../ui/Dialog'
import { SelectField, TextField } from '../../ui/Field'

/** A discount on one course or the whole order, with its reason; over the shop's limit a manager approves. */
export function DiscountDialog({ order, open, close, applied }: { order: OrderDetail; open: boolean; close: () => void; applied: (order: OrderDetail) => void }) {
  const asManager = useManagerAction()
  const [scope, setScope] = useState('order')
  const [kind, setKind] = useState<'percent' | 'amount'>('percent')
  const [value, setValue] = useState('')
  const [reason, setReason] = useState('')
  const [error, setError] = useState<{ field: 'value' | 'reason'; message: string } | null>(null)
  const [busy, setBusy] = useState(false)

  async function submit(event: FormEvent) {
    event.preventDefault()
    let amount: number
    try {
      // A percent is read with two decimals as basis points (12.5 → 1250); an amount in the order's currency.
      amount = kind === 'percent' ? Math.round(Number.parseFloat(value) * 100) : parseAmount(value, order.currency)
      if (!Number.isFinite(amount) || amount <= 0) throw new Error('Enter the discount')
    } catch (failure) {
      return setError({ field: 'value', message: (failure as Error).message })
    }
    if (!reason.trim()) return setError({ field: 'reason', message: 'Say why: the reason is kept with the sale' })
    setError(null)
    setBusy(true)
    const input = { orderId: order.id, courseId: scope === 'order' ? null : Number(scope), kind, value: amount, reason: reason.trim() }
    try {
      let result: OrderDetail | null
      try {
        result = await api.invoke('orders:discount', input)
      } catch (failure) {
        if (!needsManagerSession(failure)) throw failure
        result = await asManager((managerToken) => api.invoke('orders:discount', { ...input, managerToken }))
        if (!result) return setError({ field: 'value', message: 'A discount this large needs a manager’s approval' })
      }
      setValue('')
      setReason('')
      applied(result)
      close()
    } catch (failure) {
      setError({ field: 'value', message: (failure as Error).message })
    } finally {
      setBusy(false)
    }
  }

  return (
    <Dialog open={open} title="Discount" onClose={close}>
      <form className="stack" onSubmit={submit}>
        <SelectField label="Applies to" value={scope} onChange={(e) => setScope(e.target.value)}>
          <option value="order">The whole order ({formatMoney(order.amount, order.currency)})</option>
          {order.items.map((item) => (
            <option key={item.courseId} value={item.courseId}>
              {item.title}
            </option>
          ))}
        </SelectField>
        <SelectField label="Kind" value={kind} onChange={(e) => setKind(e.target.value as 'percent' | 'amount')}>
          <option value="percent">Percent</option>
          <option value="amount">Amount ({order.currency})</option>
        </SelectField>
        <TextField label={kind === 'percent' ? 'Percent off' : `Amount off (${order.currency})`} inputMode="decimal" autoComplete="off" value={value} onChange={(e) => setValue(e.target.value)} error={error?.field === 'value' ? error.message : null} />
        <TextField label="Reason" maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} error={error?.field === 'reason' ? error.message : null} />
        <div className="row end">
          <Button variant="ghost" onClick={close}>
            Cancel
          </Button>
          <Button variant="primary" type="submit" busy={busy}>
            Apply discount
          </Button>
        </div>
      </form>
    </Dialog>
  )
}

/** The discount lines under an order's items (checkout); with `onRemove`, each can be taken off again. */
export function DiscountLines({ order, onRemove }: { order: OrderDetail; onRemove?: (discountId: number) => Promise<unknown> }) {
  const [problem, setProblem] = useState<string | null>(null)
  const [removing, setRemoving] = useState<number | null>(null)
  const remove = (discountId: number) => {
    setRemoving(discountId)
    setProblem(null)
    onRemove!(discountId)
      .catch((failure: Error) => setProblem(`The discount could not be removed: ${failure.message}`))
      .finally(() => setRemoving(null))
  }
  return (
    <>
      {order.discounts.map((d) => {
        const what = `Discount${d.courseId === null ? '' : ` on ${order.items.find((i) => i.courseId === d.courseId)?.title ?? 'a course'}`}`
        return (
          <li key={d.id} className="cart-line discount-line">
            <span className="grow">
              {what}: {d.reason}
              {d.approverName ? ` (approved by ${d.approverName})` : ''}
            </span>
            <span>−{formatMoney(d.amount, order.currency)}</span>
            {onRemove && (
              <Button size="sm" variant="ghost" busy={removing === d.id} aria-label={`Remove ${what.toLowerCase()}`} onClick={() => remove(d.id)}>
                Remove
              </Button>
            )}
          </li>
        )
      })}
      {problem && (
        <li role="alert" className="error">
          {problem}
        </li>
      )}
    </>
  )
}
