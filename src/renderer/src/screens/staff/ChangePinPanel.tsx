import { useState, type FormEvent } from 'react'
import { api } from '../../api/transport'
import { Button } from '../../ui/Button'
import { TextField } from '../../ui/Field'
import { Panel } from '../../ui/Panel'
import { useToasts } from '../../ui/toasts'

const digits = (text: string) => text.replace(/\D/g, '').slice(0, 8)

/** The person signed in changes their own PIN: the current one first, under the same guess limits as a sign-in. */
export function ChangePinPanel() {
  const toasts = useToasts()
  const [current, setCurrent] = useState('')
  const [pin, setPin] = useState('')
  const [repeat, setRepeat] = useState('')
  const [error, setError] = useState<{ field: 'current' | 'pin' | 'repeat'; message: string } | null>(null)
  const [busy, setBusy] = useState(false)
  async function submit(event: FormEvent) {
    event.preventDefault()
    if (!/^\d{4,8}$/.test(pin)) return setError({ field: 'pin', message: 'The PIN is 4 to 8 digits' })
    if (pin !== repeat) return setError({ field: 'repeat', message: 'The two PINs differ' })
    setError(null)
    setBusy(true)
    try {
      await api.invoke('staff:changePin', { currentPin: current, pin })
      toasts.success('PIN changed', 'Use the new PIN from now on.')
      setCurrent('')
      setPin('')
      setRepeat('')
    } catch (failure) {
      setError({ field: (failure as { details?: { field?: string } }).details?.field === 'pin' ? 'pin' : 'current', message: (failure as Error).message })
    } finally {
      setBusy(false)
    }
  }
  const field = (name: 'current' | 'pin' | 'repeat') => (error?.field === name ? error.message : null)
  return (
    <Panel title="My PIN" labelledBy="staff-my-pin">
      <form className="settings-inline wrap" onSubmit={submit} aria-label="Change my PIN">
        <TextField label="Current PIN" type="password" inputMode="numeric" autoComplete="off" value={current} onChange={(e) => setCurrent(digits(e.target.value))} error={field('current')} />
        <TextField label="New PIN" type="password" inputMode="numeric" autoComplete="off" value={pin} onChange={(e) => setPin(digits(e.target.value))} error={field('pin')} />
        <TextField label="Repeat new PIN" type="password" inputMode="numeric" autoComplete="off" value={repeat} onChange={(e) => setRepeat(digits(e.target.value))} error={field('repeat')} />
        <Button type="submit" busy={busy}>
          Change PIN
        </Button>
      </form>
    </Panel>
  )
}
