import { useEffect, useState } from 'react'
import type { CustomerCursor } from '@shared/insight'
import { useQuery } from '../../app/hooks'
import { Button } from '../../ui/Button'
import { EmptyState, Loading, Panel } from '../../ui/Panel'
import { CurrencyTotals, orderCount } from './CurrencyTotals'

const PAGE = 25

/** Search by name or email; pages come from the main process a keyset at a time. */
export function CustomerList() {
  const [typed, setTyped] = useState('')
  const [query, setQuery] = useState('')
  // The cursors of the pages before this one, so Previous goes back without OFFSET.
  const [trail, setTrail] = useState<CustomerCursor[]>([])
  const after = trail.at(-1)
  const [page] = useQuery('customers:list', { query: query || undefined, after, limit: PAGE })

  useEffect(() => {
    const timer = setTimeout(() => {
      setQuery(typed.trim())
      setTrail([])
    }, 200)
    return () => clearTimeout(timer)
  }, [typed])

  return (
    <Panel title="Customers" labelledBy="customers-title" className="customers">
      <div className="stack">
        <input
          className="input customers-search"
          type="search"
          placeholder="Search by name or email"
          aria-label="Search customers"
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
        />
        {page.state === 'loading' && <Loading label="Finding customers…" />}
        {page.state === 'error' && <EmptyState title="Customers could not be loaded">{page.message}</EmptyState>}
        {page.state === 'ready' && page.data.customers.length === 0 && (
          <EmptyState title={query ? `No customer matches "${query}"` : 'No customers yet'}>
            {query ? 'Check the spelling, or search by email.' : 'Customers are added on the Sell screen.'}
          </EmptyState>
        )}
        {page.state === 'ready' && page.data.customers.length > 0 && (
          <>
            <table className="table customers-table" aria-labelledby="customers-title">
              <thead>
                <tr>
                  <th>Name</th>
                  <th>Email</th>
                  <th className="num">Orders</th>
                  <th className="num">Spent (net)</th>
                </tr>
              </thead>
              <tbody>
                {page.data.customers.map((customer) => (
                  <tr key={customer.id}>
                    <td>
                      <a href={`#/customers/${customer.id}`}>{customer.name}</a>
                    </td>
                    <td className="muted">{customer.email}</td>
                    <td className="num">{orderCount(customer.totals)}</td>
                    <td className="num">
                      <CurrencyTotals totals={customer.totals} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <div className="row between">
              <span className="muted small">Page {trail.length + 1}</span>
              <div className="row">
                <Button size="sm" disabled={trail.length === 0} onClick={() => setTrail((t) => t.slice(0, -1))}>
                  Previous
                </Button>
                <Button size="sm" disabled={!page.data.next} onClick={() => page.data.next && setTrail((t) => [...t, page.data.next!])}>
                  Next
                </Button>
              </div>
            </div>
          </>
        )}
      </div>
    </Panel>
  )
}
