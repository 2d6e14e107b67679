import { useState, type FormEvent } from 'react'
import { api } from '../../api/transport'
import { useQuery } from '../../app/hooks'
import { useManagerAction } from '../../app/useManagerAction'
import { Button } from '../../ui/Button'
import { TextField } from '../../ui/Field'
import { Panel } from '../../ui/Panel'
import { useToasts } from '../../ui/toasts'

/** A whole percent from 0 to 100, or the reason it is not; the main process checks the same again. */
export function discountLimitError(text: string): string | null {
  if (!/^\d+$/.test(text.trim())) return 'Enter a whole percent, such as 10'
  return Number(text.trim()) > 100 ? 'At most 100 %' : null
}

/** Settings → Discounts: above this share of an order's price, a discount needs a manager's approval (manager PIN). */
export function DiscountLimitPanel() {
  const toasts = useToasts()
  const asManager = useManagerAction()
  const [limit, reload] = useQuery('settings:discountLimit', {})
  const [text, setText] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  if (limit.state !== 'ready') return null
  const saved = limit.data.percent
  const value = text ?? String(saved)

  async function save(event: FormEvent) {
    event.preventDefault()
    const problem = discountLimitError(value)
    if (problem) return setError(problem)
    setError(null)
    setBusy(true)
    try {
      const result = await asManager((managerToken) => api.invoke('settings:setDiscountLimit', { percent: Number(value.trim()), managerToken }))
      if (!result) return
      toasts.success('Discount limit saved', `Discounts above ${result.percent} % of an order's price need a manager.`)
      setText(null)
      reload()
    } catch (failure) {
      setError((failure as Error).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Panel title="Discounts" labelledBy="settings-discounts-title">
      <form className="settings-inline" onSubmit={save} aria-label="Discount limit">
        <TextField
          label="Largest discount without a manager (%)"
          inputMode="numeric"
          value={value}
          onChange={(e) => setText(e.target.value)}
          error={error}
          hint="All of an order's discounts together, as a share of its price. 0 means every discount needs a manager."
        />
        <Button type="submit" variant="primary" busy={busy} disabled={value.trim() === String(saved)}>
          Save discount limit
        </Button>
      </form>
    </Panel>
  )
}
