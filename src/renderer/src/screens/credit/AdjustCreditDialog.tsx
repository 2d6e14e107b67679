import { useState, type FormEvent } from 'react'
import type { CreditBalance } from '@shared/credit'
import { formatMoney, isCurrencyCode, parseAmount } from '@shared/money'
import { api } from '../../api/transport'
import { useManagerAction } from '../../app/useManagerAction'
import { Button } from '../../ui/Button'
import { Dialog } from '../../ui/Dialog'
import { SelectField, TextField } from '../../ui/Field'
import { useToasts } from '../../ui/toasts'

interface Props {
  open: boolean
  customerId: number
  balances: CreditBalance[]
  onClose: () => void
  onAdjusted: () => void
}

export function AdjustCreditDialog(props: Props) {
  return (
    <Dialog open={props.open} title="Adjust store credit" onClose={props.onClose}>
      {props.open && <AdjustForm {...props} />}
    </Dialog>
  )
}

/** A manager adds or takes away credit with a reason (audited); mounted afresh per opening, with its own key. */
function AdjustForm({ customerId, balances, onClose, onAdjusted }: Props) {
  const toasts = useToasts()
  const asManager = useManagerAction()
  const [direction, setDirection] = useState<'add' | 'remove'>('add')
  const [currency, setCurrency] = useState(balances[0]?.currency ?? 'GBP')
  const [typed, setTyped] = useState('')
  const [reason, setReason] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const [requestKey] = useState(() => crypto.randomUUID())

  async function submit(event: FormEvent) {
    event.preventDefault()
    const found: Record<string, string> = {}
    const code = currency.trim().toUpperCase()
    let amount = 0
    if (!isCurrencyCode(code)) found.currency = 'A currency code such as GBP'
    else {
      try {
        amount = parseAmount(typed, code)
        if (amount <= 0) found.amount = 'Enter an amount above zero'
      } catch (failure) {
        found.amount = (failure as Error).message
      }
    }
    if (reason.trim().length < 3) found.reason = 'Say why, in a few words'
    setErrors(found)
    if (Object.keys(found).length > 0) return
    setBusy(true)
    try {
      const signed = direction === 'add' ? amount : -amount
      const done = await asManager((managerToken) => api.invoke('credit:adjust', { customerId, currency: code, amount: signed, reason: reason.trim(), requestKey, managerToken }))
      if (!done) return
      toasts.success('Credit adjusted', `${direction === 'add' ? 'Added' : 'Took away'} ${formatMoney(amount, code)}.`)
      onAdjusted()
      onClose()
    } catch (failure) {
      setErrors({ amount: (failure as Error).message })
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="stack" onSubmit={submit} aria-label="Credit adjustment">
      <SelectField label="Adjustment" value={direction} onChange={(e) => setDirection(e.target.value as 'add' | 'remove')}>
        <option value="add">Add credit</option>
        <option value="remove">Take credit away</option>
      </SelectField>
      <TextField label="Currency" value={currency} maxLength={3} onChange={(e) => setCurrency(e.target.value)} error={errors.currency} list="credit-currencies" />
      <datalist id="credit-currencies">
        {['GBP', 'EUR', 'JPY', 'KWD', ...balances.map((b) => b.currency)].filter((c, i, all) => all.indexOf(c) === i).map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
      <TextField label="Amount" inputMode="decimal" value={typed} onChange={(e) => setTyped(e.target.value)} error={errors.amount} />
      <TextField label="Reason" value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} error={errors.reason} hint="Kept in the audit log with the adjustment." />
      <div className="row end">
        <Button variant="ghost" onClick={onClose}>
          Cancel
        </Button>
        <Button variant="primary" type="submit" busy={busy}>
          Adjust credit
        </Button>
      </div>
    </form>
  )
}
