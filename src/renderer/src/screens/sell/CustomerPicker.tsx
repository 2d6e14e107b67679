import { useState, type FormEvent } from 'react'
import type { Account } from '@shared/domain'
import { api } from '../../api/transport'
import { useQuery } from '../../app/hooks'
import { Button } from '../../ui/Button'
import { TextField } from '../../ui/Field'

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/** Find a customer by name or email, or create one inline. */
export function CustomerPicker({ customer, onChange }: { customer: Account | null; onChange: (account: Account | null) => void }) {
  const [query, setQuery] = useState('')
  const [creating, setCreating] = useState(false)
  const [results] = useQuery('customers:search', { query, limit: 6 })

  if (customer) {
    return (
      <div className="customer-chosen">
        <div>
          <div className="customer-name">{customer.name}</div>
          <div className="muted small">{customer.email}</div>
        </div>
        <Button variant="ghost" size="sm" onClick={() => onChange(null)}>
          Change
        </Button>
      </div>
    )
  }
  if (creating) return <NewCustomerForm initial={query} onCreated={onChange} onCancel={() => setCreating(false)} />
  return (
    <div className="stack">
      <TextField label="Customer" placeholder="Search by name or email" value={query} onChange={(event) => setQuery(event.target.value)} />
      {results.state === 'ready' && (
        <ul className="customer-results" aria-label="Matching customers">
          {results.data.map((account) => (
            <li key={account.id}>
              <button type="button" className="customer-result" onClick={() => onChange(account)}>
                <span>{account.name}</span>
                <span className="muted small">{account.email}</span>
              </button>
            </li>
          ))}
          {results.data.length === 0 && <li className="muted small">No customer matches “{query}”.</li>}
        </ul>
      )}
      <Button variant="ghost" size="sm" onClick={() => setCreating(true)}>
        + New customer
      </Button>
    </div>
  )
}

function NewCustomerForm({ initial, onCreated, onCancel }: { initial: string; onCreated: (account: Account) => void; onCancel: () => void }) {
  const [name, setName] = useState(initial.includes('@') ? '' : initial)
  const [email, setEmail] = useState(initial.includes('@') ? initial : '')
  const [phone, setPhone] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)

  async function submit(event: FormEvent) {
    event.preventDefault()
    const found: Record<string, string> = {}
    if (!name.trim()) found.name = 'Enter the customer’s name'
    if (!EMAIL.test(email.trim())) found.email = 'Enter an email address like name@example.com'
    if (phone.trim() && !/^[+\d][\d\s().-]{2,39}$/.test(phone.trim())) found.phone = 'Digits, spaces and + ( ) - only'
    setErrors(found)
    if (Object.keys(found).length > 0) return
    setBusy(true)
    try {
      onCreated(await api.invoke('customers:create', { name: name.trim(), email: email.trim(), phone: phone.trim() || null }))
    } catch (failure) {
      setErrors({ email: (failure as Error).message })
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="stack" onSubmit={submit} aria-label="New customer">
      <TextField label="Name" value={name} onChange={(e) => setName(e.target.value)} error={errors.name} autoFocus />
      <TextField label="Email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} error={errors.email} />
      <TextField label="Phone (optional)" type="tel" value={phone} onChange={(e) => setPhone(e.target.value)} error={errors.phone} />
      <div className="row end">
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
        <Button variant="primary" type="submit" busy={busy}>
          Add customer
        </Button>
      </div>
    </form>
  )
}
