import { useState, type FormEvent } from 'react'
import type { OrderDetail } from '@shared/domain'
import { api } from '../../../api/transport'
import { Button } from '../../../ui/Button'
import { Dialog } from '../../../ui/Dialog'
import { TextField } from '../../../ui/Field'
import { useToasts } from '../../../ui/toasts'
import { describeFailure } from './format'
import { useManagerAction } from '../../../app/useManagerAction'

export interface RevokeTarget {
  courseId: number
  title: string
}

interface Props {
  order: OrderDetail
  target: RevokeTarget | null
  onRevoked: (order: OrderDetail) => void
  onClose: () => void
  onStale: () => void
}

export function RevokeDialog(props: Props) {
  return (
    <Dialog open={props.target !== null} title="Revoke course access" onClose={props.onClose}>
      {props.target && <RevokeForm {...props} target={props.target} />}
    </Dialog>
  )
}

function RevokeForm({ order, target, onRevoked, onClose, onStale }: Props & { target: RevokeTarget }) {
  const toasts = useToasts()
  const asManager = useManagerAction()
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (busy) return
    const why = reason.trim()
    if (!why) return setError('Say why, for the audit log (for example: chargeback, sold by mistake)')
    setError(null)
    setBusy(true)
    try {
      const input = { orderId: order.id, courseId: target.courseId, reason: why }
      const result = await asManager((managerToken) => api.invoke('ownership:revoke', { ...input, managerToken }))
      if (!result) return toasts.error('Access not revoked', 'Revoking a course needs the manager PIN: ask a manager and try again.')
      toasts.success(`"${target.title}" revoked`, `${order.accountName} no longer has access to it.`)
      onRevoked(result)
      onClose()
    } catch (failure) {
      const { code, message } = describeFailure(failure)
      if (code === 'invalid_input') return setError(message)
      toasts.error('Access not revoked', code === 'not_found' ? `${message}. The screen is refreshed to show who owns what now.` : `${message}. Try again in a moment.`)
      if (code === 'not_found') {
        onStale()
        onClose()
      }
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="stack" onSubmit={submit} aria-label="Revoke course">
      <p className="muted">
        {order.accountName} loses access to <strong>{target.title}</strong>. No money is refunded: use Refund on the payment for that.
      </p>
      <TextField label="Reason" autoFocus value={reason} maxLength={200} placeholder="Chargeback, sold by mistake…" onChange={(e) => (setReason(e.target.value), setError(null))} error={error} />
      <div className="row end">
        <Button variant="ghost" onClick={onClose} disabled={busy}>
          Cancel
        </Button>
        <Button variant="danger" type="submit" busy={busy}>
          Revoke access
        </Button>
      </div>
    </form>
  )
}
