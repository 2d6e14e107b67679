import { useState, type FormEvent } from 'react'
import type { OrderDetail, Payment, RefundReason } from '@shared/domain'
import { refundableLeft } from '@shared/insight'
import { formatMoney, parseAmount, toDecimalString } from '@shared/money'
import { api } from '../../../api/transport'
import { Button } from '../../../ui/Button'
import { Dialog } from '../../../ui/Dialog'
import { TextField } from '../../../ui/Field'
import { useToasts } from '../../../ui/toasts'
import { describeFailure, METHOD_LABEL } from './format'
import { RefundReasonFields } from './RefundReasonFields'
import { useManagerAction } from '../../../app/useManagerAction'

interface Props {
  order: OrderDetail
  payment: Payment | null
  onRefunded: (order: OrderDetail) => void
  onClose: () => void
  /** Something changed under us (someone else refunded): reload the order. */
  onStale: () => void
}

export function RefundDialog(props: Props) {
  return (
    <Dialog open={props.payment !== null} title="Refund payment" onClose={props.onClose}>
      {props.payment && <RefundForm {...props} payment={props.payment} />}
    </Dialog>
  )
}

/** Mounted afresh at each opening, so each opening has its own request key. */
function RefundForm({ order, payment, onRefunded, onClose, onStale }: Props & { payment: Payment }) {
  const toasts = useToasts()
  const asManager = useManagerAction()
  const left = refundableLeft(payment, order.refunds)
  const money = (amount: number) => formatMoney(amount, payment.currency)
  // Empty on purpose: a prefilled full amount made one Enter refund everything.
  const [typed, setTyped] = useState('')
  const [reason, setReason] = useState<RefundReason>('requested_by_customer')
  const [note, setNote] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  // Sent with every try of this refund: a double submit or a retry after a lost answer refunds once.
  const [requestKey, setRequestKey] = useState(() => crypto.randomUUID())

  let amount: number | null = null
  try {
    amount = parseAmount(typed, payment.currency)
  } catch {
    amount = null
  }

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (busy) return
    let value: number
    try {
      value = parseAmount(typed, payment.currency)
    } catch (failure) {
      return setError((failure as Error).message)
    }
    if (value <= 0) return setError('Enter an amount above zero')
    if (value > left) return setError(`At most ${money(left)} can be refunded on this payment`)
    setError(null)
    setBusy(true)
    try {
      const input = { paymentId: payment.id, amount: value, reason, note: note.trim() || null, requestKey }
      const result = await asManager((managerToken) => api.invoke('payments:refund', { ...input, managerToken }))
      if (!result) return toasts.error('Refund not made', 'A refund needs the manager PIN: ask a manager to enter it and try again.')
      const made = result.refunds.find((r) => r.paymentId === payment.id && r.amount === value && r.status !== 'failed')
      if (made?.status === 'succeeded') toasts.success(`Refunded ${money(value)}`, payment.method === 'credit' ? `${order.accountName} gets it back as store credit.` : `${order.accountName} gets it back on their ${payment.method === 'card' ? 'card' : 'cash'}.`)
      else toasts.success(`Refund of ${money(value)} requested`, 'Stripe confirms it shortly; this screen updates by itself.')
      onRefunded(result)
      onClose()
    } catch (failure) {
      const { code, message } = describeFailure(failure)
      if (code === 'unavailable') {
        toasts.error('Stripe could not be reached', `${message}. If the refund was recorded it shows as pending and is retried automatically: do not refund it again.`)
        onStale()
        return onClose()
      }
      // Anything else left nothing pending, so the next try is a new request.
      setRequestKey(crypto.randomUUID())
      if (code === 'invalid_input') setError(message)
      else if (code === 'conflict' || code === 'not_found') {
        toasts.error('Refund not made', `${message}. The order has changed: check what is left to refund.`)
        onStale()
      } else toasts.error('The refund failed', `${message}. Nothing was refunded; try again, or check the payment in the Stripe dashboard.`)
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="stack" onSubmit={submit} aria-label="Refund">
      <p className="muted">
        {METHOD_LABEL[payment.method]} payment of {money(payment.amountReceived)} on order #{order.id}. Up to <strong>{money(left)}</strong> can still be refunded.
      </p>
      <TextField
        label={`Amount (${payment.currency})`}
        inputMode="decimal"
        autoFocus
        value={typed}
        onChange={(e) => {
          setTyped(e.target.value)
          setError(null)
        }}
        error={error}
        hint={payment.method === 'card' ? 'Goes back to the card through Stripe.' : 'Hand this back in cash.'}
      />
      <div>
        <Button size="sm" variant="ghost" onClick={() => setTyped(toDecimalString(left, payment.currency))}>
          Fill in all that is left ({money(left)})
        </Button>
      </div>
      <RefundReasonFields reason={reason} note={note} onReason={setReason} onNote={setNote} />
      <div className="row end">
        <Button variant="ghost" onClick={onClose} disabled={busy}>
          Cancel
        </Button>
        <Button variant="danger" type="submit" busy={busy} disabled={left === 0}>
          {amount !== null && amount > 0 ? `Refund ${money(amount)}` : 'Refund'}
        </Button>
      </div>
    </form>
  )
}
