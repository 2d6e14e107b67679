import { useState, type FormEvent } from 'react'
import type { OrderDetail, OrderItem, RefundReason } from '@shared/domain'
import { formatMoney } from '@shared/money'
import { api } from '../../../api/transport'
import { useManagerAction } from '../../../app/useManagerAction'
import { Button } from '../../../ui/Button'
import { Dialog } from '../../../ui/Dialog'
import { useToasts } from '../../../ui/toasts'
import { describeFailure } from './format'
import { RefundReasonFields } from './RefundReasonFields'

interface Props {
  order: OrderDetail
  item: OrderItem | null
  onRefunded: (order: OrderDetail) => void
  onClose: () => void
  onStale: () => void
}

export function LineRefundDialog(props: Props) {
  return (
    <Dialog open={props.item !== null} title="Refund a course" onClose={props.onClose}>
      {props.item && <LineRefundForm {...props} item={props.item} />}
    </Dialog>
  )
}

/** One course back: its price as sold is refunded and the customer loses access to it. */
function LineRefundForm({ order, item, onRefunded, onClose, onStale }: Props & { item: OrderItem }) {
  const toasts = useToasts()
  const asManager = useManagerAction()
  const [reason, setReason] = useState<RefundReason>('requested_by_customer')
  const [note, setNote] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [requestKey] = useState(() => crypto.randomUUID())
  const price = formatMoney(item.unitAmount, order.currency)

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (busy) return
    setBusy(true)
    setError(null)
    try {
      const input = { orderId: order.id, courseId: item.courseId, reason, note: note.trim() || null, requestKey }
      const result = await asManager((managerToken) => api.invoke('payments:refundLine', { ...input, managerToken }))
      if (!result) return setError('A refund needs the manager PIN.')
      toasts.success(`Refunded ${price} for ${item.title}`, `${order.accountName} no longer has access to it.`)
      onRefunded(result)
      onClose()
    } catch (failure) {
      const { code, message } = describeFailure(failure)
      setError(message)
      if (code === 'conflict' || code === 'unavailable') onStale()
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="stack" onSubmit={submit} aria-label="Refund a course">
      <p>
        Refund <strong>{item.title}</strong> ({price}) on order #{order.id} and take the course back from {order.accountName}.
      </p>
      <RefundReasonFields reason={reason} note={note} onReason={setReason} onNote={setNote} />
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      <div className="row end">
        <Button variant="ghost" onClick={onClose} disabled={busy}>
          Cancel
        </Button>
        <Button variant="danger" type="submit" busy={busy}>
          Refund {price} and revoke
        </Button>
      </div>
    </form>
  )
}
