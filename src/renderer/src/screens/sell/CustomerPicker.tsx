import { useEffect, useState, type FormEvent, type KeyboardEvent, type RefObject } from 'react'
import type { Account } from '@shared/domain'
import { api } from '../../api/transport'
import { useQuery } from '../../app/hooks'
import { Button } from '../../ui/Button'
import { TextField } from '../../ui/Field'

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/** Find a customer by name or email (arrows and Enter pick one), or create one inline. */
export function CustomerPicker({ customer, onChange, inputRef }: { customer: Account | null; onChange: (account: Account | null) => void; inputRef: RefObject<HTMLInputElement | null> }) {
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)
  const [creating, setCreating] = useState(false)
  const [results] = useQuery('customers:search', { query, limit: 6 })
  // An empty box lists nobody: the list would push the cart down for nothing.
  const matches = results.state === 'ready' && query.trim() !== '' ? results.data : []

  useEffect(() => setActive(0), [query])

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown') setActive((i) => Math.min(matches.length - 1, i + 1))
    else if (event.key === 'ArrowUp') setActive((i) => Math.max(0, i - 1))
    else if (event.key === 'Enter' && matches[active]) onChange(matches[active])
    else if (event.key === 'Enter' && query.trim() && results.state === 'ready') setCreating(true)
    else return
    event.preventDefault()
  }

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
  const activeId = matches[active] ? `customer-option-${matches[active].id}` : undefined
  return (
    <div className="stack customer-picker">
      <div className="field">
        <label htmlFor="customer-search">Customer</label>
        <input
          ref={inputRef}
          id="customer-search"
          className="input"
          type="search"
          placeholder="Name or email — Enter picks"
          role="combobox"
          aria-expanded={matches.length > 0}
          aria-controls="customer-options"
          aria-activedescendant={activeId}
          autoComplete="off"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={onKeyDown}
        />
      </div>
      {results.state === 'ready' && query.trim() !== '' && (
        <ul id="customer-options" role="listbox" className="customer-results" aria-label="Matching customers">
          {matches.map((account, index) => (
            <li key={account.id} id={`customer-option-${account.id}`} role="option" aria-selected={index === active} className={['customer-result', index === active ? 'active' : ''].join(' ')} onMouseEnter={() => setActive(index)} onClick={() => onChange(account)}>
              <span>{account.name}</span>
              <span className="muted small">{account.email}</span>
            </li>
          ))}
        </ul>
      )}
      {results.state === 'ready' && query.trim() !== '' && matches.length === 0 && <p className="muted small">No customer matches “{query}”. Enter adds a new one.</p>}
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
  const [referralCode, setReferralCode] = useState('')
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
      onCreated(await api.invoke('customers:create', { name: name.trim(), email: email.trim(), phone: phone.trim() || null, ...(referralCode.trim() ? { referralCode: referralCode.trim() } : {}) }))
    } catch (failure) {
      const message = (failure as Error).message
      setErrors(/referral code/i.test(message) ? { referralCode: message } : { email: message })
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="stack" onSubmit={submit} aria-label="New customer">
      <TextField label="Name" value={name} onChange={(e) => setName(e.target.value)} error={errors.name} autoFocus />
      <TextField label="Email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} error={errors.email} />
      <TextField label="Phone (optional)" type="tel" value={phone} onChange={(e) => setPhone(e.target.value)} error={errors.phone} />
      <TextField label="Referral code (optional)" value={referralCode} maxLength={32} autoComplete="off" onChange={(e) => setReferralCode(e.target.value)} error={errors.referralCode} hint="Another customer's code: both get a bonus on the first qualifying purchase." />
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
