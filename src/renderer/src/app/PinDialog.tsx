import { useEffect, useState, type FormEvent } from 'react'
import { ROLE_LABELS } from '@shared/staff'
import { api } from '../api/transport'
import { PinPad } from '../screens/staff/PinPad'
import { Button } from '../ui/Button'
import { Dialog } from '../ui/Dialog'
import { SelectField } from '../ui/Field'
import type { PinRequest } from './context'

/** A manager (or the owner) approves on the spot with their own PIN; the action then records both people. */
export function PinDialog({ request, done }: { request: PinRequest | null; done: () => void }) {
  const [approver, setApprover] = useState<number | null>(null)
  const [pin, setPin] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  useEffect(() => setApprover(request?.approvers[0]?.id ?? null), [request])

  const finish = (token: string | null) => {
    request?.resolve(token)
    setPin('')
    setError(null)
    done()
  }

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (approver === null) return
    if (!/^\d{4,8}$/.test(pin)) return setError('The PIN is 4 to 8 digits')
    setBusy(true)
    try {
      const session = await api.invoke('staff:approve', { staffId: approver, pin })
      finish(session.token)
    } catch (failure) {
      setPin('')
      setError((failure as Error).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Dialog open={request !== null} title="Manager approval" onClose={() => finish(null)}>
      <form onSubmit={submit} className="stack">
        <p className="muted">This needs a manager. A manager or the owner enters their own PIN; the record names them beside you.</p>
        <SelectField label="Approved by" value={approver ?? ''} onChange={(e) => setApprover(Number(e.target.value))}>
          {request?.approvers.map((person) => (
            <option key={person.id} value={person.id}>
              {person.name} ({ROLE_LABELS[person.role]})
            </option>
          ))}
        </SelectField>
        <PinPad label="PIN" value={pin} onChange={setPin} error={error} autoFocus />
        <div className="row end">
          <Button variant="ghost" onClick={() => finish(null)}>
            Cancel
          </Button>
          <Button variant="primary" type="submit" busy={busy}>
            Approve
          </Button>
        </div>
      </form>
    </Dialog>
  )
}
