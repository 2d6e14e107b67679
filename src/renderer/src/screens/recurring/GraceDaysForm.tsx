import { useState, type FormEvent } from 'react'
import { MAX_GRACE_DAYS } from '@shared/contract/recurring'
import { api } from '../../api/transport'
import { useManagerAction } from '../../app/useManagerAction'
import { Button } from '../../ui/Button'
import { TextField } from '../../ui/Field'
import { useToasts } from '../../ui/toasts'

/** Whole days from 0 to MAX_GRACE_DAYS, or the reason it is not; the main process checks the same again. */
export function graceDaysError(text: string): string | null {
  if (!/^\d+$/.test(text.trim())) return 'Enter a whole number of days, such as 7'
  const days = Number(text.trim())
  return days > MAX_GRACE_DAYS ? `At most ${MAX_GRACE_DAYS} days` : null
}

/** Settings → Payment plans: how late a part may be before the plan's course is suspended (manager PIN). */
export function GraceDaysForm({ saved, onSaved }: { saved: number; onSaved: () => void }) {
  const toasts = useToasts()
  const asManager = useManagerAction()
  const [text, setText] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const value = text ?? String(saved)

  async function save(event: FormEvent) {
    event.preventDefault()
    const problem = graceDaysError(value)
    if (problem) return setError(problem)
    setError(null)
    setBusy(true)
    try {
      const result = await asManager((managerToken) => api.invoke('installments:setGraceDays', { graceDays: Number(value.trim()), managerToken }))
      if (!result) return
      toasts.success('Grace period saved', `A plan loses its course when a part is more than ${result.graceDays} days late.`)
      setText(null)
      onSaved()
    } catch (failure) {
      setError((failure as Error).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="settings-inline" onSubmit={save} aria-label="Payment plan grace period">
      <TextField
        label="Days late before a plan's course is suspended"
        inputMode="numeric"
        value={value}
        onChange={(e) => setText(e.target.value)}
        error={error}
        hint="Access comes back as soon as the late parts are paid."
      />
      <Button type="submit" variant="primary" busy={busy} disabled={value.trim() === String(saved)}>
        Save grace period
      </Button>
    </form>
  )
}
