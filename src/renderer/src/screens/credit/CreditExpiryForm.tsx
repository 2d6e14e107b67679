import { useState, type FormEvent } from 'react'
import { api } from '../../api/transport'
import { useQuery } from '../../app/hooks'
import { useManagerAction } from '../../app/useManagerAction'
import { Button } from '../../ui/Button'
import { TextField } from '../../ui/Field'
import { useToasts } from '../../ui/toasts'

/** After how many days bonus credit (referral bonuses, coupons) granted from now on expires; 0 = never. Manager PIN. */
export function CreditExpiryForm() {
  const [expiry, reload] = useQuery('credit:expiry', {})
  const asManager = useManagerAction()
  const toasts = useToasts()
  const [typed, setTyped] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const current = expiry.state === 'ready' ? String(expiry.data.days) : null
  const value = typed ?? current ?? ''

  async function save(event: FormEvent) {
    event.preventDefault()
    if (!/^\d{1,4}$/.test(value) || Number(value) > 3650) return setError('Whole days from 0 (never) to 3650')
    setError(null)
    setBusy(true)
    try {
      const saved = await asManager((managerToken) => api.invoke('credit:setExpiry', { days: Number(value), managerToken }))
      if (!saved) return
      toasts.success('Credit expiry saved', saved.days === 0 ? 'Bonus credit does not expire.' : `Bonus credit granted from now on expires after ${saved.days} days.`)
      setTyped(null)
      reload()
    } catch (failure) {
      setError((failure as Error).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="stack" onSubmit={save} aria-label="Credit expiry">
      <div className="settings-inline">
        <TextField
          className="grow"
          label="Bonus credit expires after (days)"
          inputMode="numeric"
          value={value}
          onChange={(e) => setTyped(e.target.value)}
          hint="Referral bonuses and coupons granted from now on; 0 = never. Refunds and adjustments never expire."
          error={error}
        />
      </div>
      <div className="row end">
        <Button type="submit" variant="primary" busy={busy} disabled={current === null || value === current}>
          Save expiry
        </Button>
      </div>
    </form>
  )
}
