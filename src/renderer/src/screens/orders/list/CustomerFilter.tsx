import { useState } from 'react'
import { useQuery } from '../../../app/hooks'
import { TextField } from '../../../ui/Field'

type Customer = { id: number; name: string }

/** Narrows the list to one customer: type a name or email, pick from the matches. */
export function CustomerFilter({ customer, onChange }: { customer: Customer | null; onChange: (customer: Customer | null) => void }) {
  const [query, setQuery] = useState('')
  const [open, setOpen] = useState(false)
  const [matches] = useQuery('customers:search', { query, limit: 6 })
  if (customer) {
    return (
      <div className="field">
        <span className="orders-filter-label">Customer</span>
        <span className="orders-picked">
          <span className="orders-picked-name">{customer.name}</span>
          <button type="button" className="icon-button" aria-label={`Stop filtering by ${customer.name}`} onClick={() => onChange(null)}>
            ×
          </button>
        </span>
      </div>
    )
  }
  return (
    <div className="orders-customer-filter">
      <TextField
        label="Customer"
        placeholder="Name or email"
        value={query}
        autoComplete="off"
        onChange={(e) => {
          setQuery(e.target.value)
          setOpen(true)
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}
      />
      {open && query.trim() !== '' && matches.state === 'ready' && (
        <ul className="orders-customer-matches" aria-label="Matching customers">
          {matches.data.map((account) => (
            <li key={account.id}>
              <button
                type="button"
                // Keeps the input focused, so the list is still there when the click lands.
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => {
                  onChange({ id: account.id, name: account.name })
                  setQuery('')
                }}
              >
                <span>{account.name}</span>
                <span className="muted small">{account.email}</span>
              </button>
            </li>
          ))}
          {matches.data.length === 0 && <li className="muted small">No customer matches</li>}
        </ul>
      )}
    </div>
  )
}
