import { useState, type FormEvent } from 'react'
import { api } from '../api/transport'
import { Button } from '../ui/Button'
import { Dialog } from '../ui/Dialog'
import { TextField } from '../ui/Field'
import type { PinRequest } from './context'

/** Asks for the manager PIN, or on first use has the manager choose one. */
export function PinDialog({ request, done }: { request: PinRequest | null; done: () => void }) {
  const [pin, setPin] = useState('')
  const [confirm, setConfirm] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const setting = request?.pinSet === false

  const finish = (token: string | null) => {
    request?.resolve(token)
    setPin('')
    setConfirm('')
    setError(null)
    done()
  }

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (!/^\d{4,8}$/.test(pin)) return setError('The PIN is 4 to 8 digits')
    if (setting && pin !== confirm) return setError('The two PINs differ')
    setBusy(true)
    try {
      const session = setting ? await api.invoke('manager:setPin', { pin }) : await api.invoke('manager:unlock', { pin })
      finish(session.token)
    } catch (failure) {
      setError((failure as Error).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Dialog open={request !== null} title={setting ? 'Choose a manager PIN' : 'Manager PIN'} onClose={() => finish(null)}>
      <form onSubmit={submit} className="stack">
        <p className="muted">
          {setting
            ? 'Refunds, revoking courses, exports and settings need a manager. Choose a PIN of 4 to 8 digits; it is stored hashed.'
            : 'This needs a manager. Enter the manager PIN.'}
        </p>
        <TextField label="PIN" type="password" inputMode="numeric" autoComplete="off" autoFocus value={pin} onChange={(e) => setPin(e.target.value.trim())} error={setting ? null : error} />
        {setting && <TextField label="Repeat PIN" type="password" inputMode="numeric" autoComplete="off" value={confirm} onChange={(e) => setConfirm(e.target.value.trim())} error={error} />}
        <div className="row end">
          <Button variant="ghost" onClick={() => finish(null)}>
            Cancel
          </Button>
          <Button variant="primary" type="submit" busy={busy}>
            {setting ? 'Set PIN' : 'Unlock'}
          </Button>
        </div>
      </form>
    </Dialog>
  )
}
