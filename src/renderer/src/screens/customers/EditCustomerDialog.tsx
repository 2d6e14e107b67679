import { useState, type FormEvent } from 'react'
import type { Account } from '@shared/domain'
import { api } from '../../api/transport'
import { Button } from '../../ui/Button'
import { Dialog } from '../../ui/Dialog'
import { TextField } from '../../ui/Field'
import { useToasts } from '../../ui/toasts'
import { describeFailure } from '../orders/detail/format'

type FieldName = 'name' | 'email' | 'phone'
type FieldErrors = Partial<Record<FieldName, string>>

interface Props {
  customer: { id: number; name: string; email: string; phone: string | null }
  open: boolean
  onSaved: (account: Account) => void
  onClose: () => void
}

export function EditCustomerDialog(props: Props) {
  return (
    <Dialog open={props.open} title="Edit customer" onClose={props.onClose}>
      {props.open && <EditCustomerForm {...props} />}
    </Dialog>
  )
}

/**
 * The field an error is about: the till names it (details.field) for its own checks; the contract's checks say it
 * in the message ("…: email: Invalid email address"). Anything else is shown above the buttons.
 */
function fieldOf(failure: unknown, message: string): FieldName | null {
  const named = (failure as { details?: { field?: unknown } } | null)?.details?.field
  if (named === 'name' || named === 'email' || named === 'phone') return named
  const inMessage = /: (name|email|phone): /.exec(message)?.[1]
  return (inMessage as FieldName | undefined) ?? null
}

/** Correcting how to reach a customer; empty phone removes it. Nothing changes unless the till accepts all of it. */
function EditCustomerForm({ customer, onSaved, onClose }: Props) {
  const toasts = useToasts()
  const [name, setName] = useState(customer.name)
  const [email, setEmail] = useState(customer.email)
  const [phone, setPhone] = useState(customer.phone ?? '')
  const [errors, setErrors] = useState<FieldErrors>({})
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (busy) return
    setBusy(true)
    setErrors({})
    setError(null)
    try {
      const input = { customerId: customer.id, name: name.trim(), email: email.trim(), phone: phone.trim() || null }
      const saved = await api.invoke('customers:update', input)
      toasts.success('Customer saved', `${saved.name} · ${saved.email}`)
      onSaved(saved)
      onClose()
    } catch (failure) {
      const { message } = describeFailure(failure)
      const field = fieldOf(failure, message)
      if (field) setErrors({ [field]: message })
      else setError(message)
    } finally {
      setBusy(false)
    }
  }

  const edit = (set: (value: string) => void, field: FieldName) => (e: { target: { value: string } }) => {
    set(e.target.value)
    setErrors((current) => ({ ...current, [field]: undefined }))
  }

  return (
    <form className="stack customer-edit" onSubmit={submit} aria-label="Edit customer" noValidate>
      <TextField label="Name" autoFocus required value={name} maxLength={200} autoComplete="off" onChange={edit(setName, 'name')} error={errors.name} />
      <TextField label="Email" type="email" required value={email} maxLength={254} autoComplete="off" onChange={edit(setEmail, 'email')} error={errors.email} />
      <TextField label="Phone" type="tel" value={phone} maxLength={40} autoComplete="off" hint="Leave empty to remove it" onChange={edit(setPhone, 'phone')} error={errors.phone} />
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      <div className="row end">
        <Button variant="ghost" onClick={onClose} disabled={busy}>
          Cancel
        </Button>
        <Button variant="primary" type="submit" busy={busy}>
          Save
        </Button>
      </div>
    </form>
  )
}
