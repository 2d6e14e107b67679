import { useState, type FormEvent } from 'react'
import type { Membership } from '@shared/recurring'
import { api } from '../../api/transport'
import { useManagerAction } from '../../app/useManagerAction'
import { Button } from '../../ui/Button'
import { Dialog } from '../../ui/Dialog'
import { Money } from '../../ui/Money'
import { useToasts } from '../../ui/toasts'

interface Props {
  membership: Membership | null
  onDone: () => void
  onClose: () => void
}

/** Ends a membership at once (manager PIN), with an optional refund of the last paid period: the app's own dialog. */
export function CancelNowDialog(props: Props) {
  return (
    <Dialog open={props.membership !== null} title="Cancel membership now" onClose={props.onClose}>
      {props.membership && <CancelNowForm {...props} membership={props.membership} />}
    </Dialog>
  )
}

function CancelNowForm({ membership: m, onDone, onClose }: Props & { membership: Membership }) {
  const toasts = useToasts()
  const asManager = useManagerAction()
  const [refundLastPeriod, setRefund] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (busy) return
    setError(null)
    setBusy(true)
    try {
      const result = await asManager((managerToken) => api.invoke('memberships:cancelNow', { membershipId: m.id, refundLastPeriod, managerToken }))
      if (!result) return setError('Canceling now needs the manager PIN: ask a manager and try again.')
      toasts.success(`${m.planTitle} canceled`, refundLastPeriod ? 'The last period is being refunded to the card.' : 'Its courses are no longer available.')
      onDone()
      onClose()
    } catch (failure) {
      setError((failure as Error).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="stack" onSubmit={submit} aria-label="Cancel membership now">
      <p className="muted">
        <strong>{m.planTitle}</strong> ends now and its courses are taken back. It does not renew again.
      </p>
      <label className="row checkbox-row">
        <input type="checkbox" checked={refundLastPeriod} onChange={(e) => setRefund(e.target.checked)} />
        <span>
          Also refund the last paid period (<Money amount={m.amount} currency={m.currency} />)
        </span>
      </label>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="row end">
        <Button variant="ghost" onClick={onClose} disabled={busy}>
          Keep membership
        </Button>
        <Button variant="danger" type="submit" busy={busy}>
          Cancel now
        </Button>
      </div>
    </form>
  )
}
