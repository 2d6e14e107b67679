import { useState, type FormEvent } from 'react'
import type { StaffSession } from '@shared/staff'
import { api } from '../../api/transport'
import { Button } from '../../ui/Button'
import { TextField } from '../../ui/Field'
import { PinPad } from './PinPad'

/** First run: the owner chooses their name and PIN before anything else, so no one becomes owner by accident later. */
export function OwnerSetup({ done }: { done: (session: StaffSession) => void }) {
  const [name, setName] = useState('')
  const [pin, setPin] = useState('')
  const [repeat, setRepeat] = useState('')
  const [error, setError] = useState<{ field: 'name' | 'pin' | 'repeat'; message: string } | null>(null)
  const [busy, setBusy] = useState(false)

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (name.trim() === '') return setError({ field: 'name', message: 'Your name is needed: receipts and reports show who served' })
    if (!/^\d{4,8}$/.test(pin)) return setError({ field: 'pin', message: 'The PIN is 4 to 8 digits' })
    if (pin !== repeat) return setError({ field: 'repeat', message: 'The two PINs differ' })
    setError(null)
    setBusy(true)
    try {
      done(await api.invoke('staff:setupOwner', { name: name.trim(), pin }))
    } catch (failure) {
      setError({ field: 'name', message: (failure as Error).message })
    } finally {
      setBusy(false)
    }
  }

  return (
    <main className="gate">
      <form className="gate-card stack" onSubmit={submit} aria-labelledby="setup-title">
        <h1 id="setup-title">Set up CourseTill</h1>
        <p className="muted">
          You are the owner: you add the staff, choose who may refund and discount, and close the day. Choose your PIN (4 to 8 digits); it is stored hashed and
          only you can change it.
        </p>
        <TextField label="Your name" autoFocus autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} error={error?.field === 'name' ? error.message : null} />
        <PinPad label="PIN" value={pin} onChange={setPin} error={error?.field === 'pin' ? error.message : null} />
        <TextField label="Repeat PIN" type="password" inputMode="numeric" autoComplete="off" value={repeat} onChange={(e) => setRepeat(e.target.value.replace(/\D/g, ''))} error={error?.field === 'repeat' ? error.message : null} />
        <Button variant="primary" size="lg" type="submit" busy={busy}>
          Create owner and start
        </Button>
      </form>
    </main>
  )
}
