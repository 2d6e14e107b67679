import { useState, type FormEvent } from 'react'
import { parseAmount } from '@shared/money'
import type { ShiftReport } from '@shared/shifts'
import { api } from '../../api/transport'
import { Button } from '../../ui/Button'
import { SelectField, TextField } from '../../ui/Field'
import { Panel } from '../../ui/Panel'
import { useToasts } from '../../ui/toasts'

/** Cash in or out of the drawer for something other than a sale, always with the reason. */
export function DrawerMovePanel({ currencies, moved }: { currencies: string[]; moved: (report: ShiftReport) => void }) {
  const toasts = useToasts()
  const [kind, setKind] = useState<'paid_out' | 'paid_in'>('paid_out')
  const [currency, setCurrency] = useState<string | null>(null)
  const [amount, setAmount] = useState('')
  const [reason, setReason] = useState('')
  const [error, setError] = useState<{ field: 'amount' | 'reason'; message: string } | null>(null)
  const [busy, setBusy] = useState(false)
  const chosen = currency ?? currencies[0] ?? 'GBP'

  async function submit(event: FormEvent) {
    event.preventDefault()
    let minor: number
    try {
      minor = parseAmount(amount, chosen)
    } catch (failure) {
      return setError({ field: 'amount', message: (failure as Error).message })
    }
    if (minor <= 0) return setError({ field: 'amount', message: 'Enter the amount' })
    if (!reason.trim()) return setError({ field: 'reason', message: 'Say what the cash was for' })
    setError(null)
    setBusy(true)
    try {
      const { report } = await api.invoke('shifts:move', { kind, currency: chosen, amount: minor, reason: reason.trim() })
      toasts.success(kind === 'paid_out' ? 'Paid out' : 'Paid in', reason.trim())
      setAmount('')
      setReason('')
      moved(report)
    } catch (failure) {
      setError({ field: 'amount', message: (failure as Error).message })
    } finally {
      setBusy(false)
    }
  }

  return (
    <Panel title="Paid in / paid out" labelledBy="shift-move">
      <form className="drawer-move" onSubmit={submit} aria-label="Paid in or out">
        <SelectField label="Kind" value={kind} onChange={(e) => setKind(e.target.value as 'paid_out' | 'paid_in')}>
          <option value="paid_out">Paid out</option>
          <option value="paid_in">Paid in</option>
        </SelectField>
        <SelectField label="Currency" value={chosen} onChange={(e) => setCurrency(e.target.value)}>
          {currencies.map((c) => (
            <option key={c}>{c}</option>
          ))}
        </SelectField>
        <TextField label="Amount" inputMode="decimal" autoComplete="off" value={amount} onChange={(e) => setAmount(e.target.value)} error={error?.field === 'amount' ? error.message : null} />
        <TextField label="Reason" maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} error={error?.field === 'reason' ? error.message : null} />
        <Button type="submit" busy={busy}>
          Record
        </Button>
      </form>
    </Panel>
  )
}
