import { useState } from 'react'
import { useLiveEvents, useQuery } from '../../app/hooks'
import { EmptyState, Loading, Panel } from '../../ui/Panel'
import { formatDate, formatShortDateTime } from '../orders/detail/format'
import { CurrencyTotals } from './CurrencyTotals'
import { CustomerOrdersPanel } from './CustomerOrdersPanel'
import { CustomerRecurringPanel } from '../recurring/CustomerRecurringPanel'
import { CustomerCreditPanel } from '../credit/CustomerCreditPanel'
import { Button } from '../../ui/Button'
import { EditCustomerDialog } from './EditCustomerDialog'
import { ShopCustomerOrdersPanel, useShopCustomerOrders } from './ShopCustomerOrders'

/** One customer: how to reach them, what they own (and which order gave it), and their orders. */
export function CustomerDetailView({ customerId }: { customerId: number }) {
  const [customer, reload] = useQuery('customers:get', { customerId })
  // A sale, payment or refund anywhere may change what this customer owns and has spent: refresh both panels.
  const [generation, setGeneration] = useState(0)
  const [editing, setEditing] = useState(false)
  // Shop mode: the other tills' orders for this email; their money is shown apart, never added to this till's.
  const shopOrders = useShopCustomerOrders(customerId)
  useLiveEvents((event) => {
    if (event.type !== 'order.changed' && event.type !== 'payment.changed') return
    reload()
    setGeneration((g) => g + 1)
  })
  if (customer.state === 'loading') return <Loading label="Opening the customer…" />
  if (customer.state === 'error') {
    return (
      <Panel title="Customer">
        <EmptyState title="This customer could not be opened">
          {customer.message}. <a href="#/customers">Back to customers</a>
        </EmptyState>
      </Panel>
    )
  }
  const c = customer.data
  return (
    <div className="customer-detail stack">
      <section className="panel customer-head" aria-labelledby="customer-title">
        <div className="row between">
          <h1 id="customer-title" tabIndex={-1}>{c.name}</h1>
          <div className="row">
            <Button size="sm" onClick={() => setEditing(true)}>
              Edit
            </Button>
            <a className="btn btn-ghost btn-sm" href="#/customers">
              All customers
            </a>
          </div>
        </div>
        <dl className="order-facts">
          <div>
            <dt>Email</dt>
            <dd>
              <a href={`mailto:${c.email}`}>{c.email}</a>
            </dd>
          </div>
          <div>
            <dt>Phone</dt>
            <dd>{c.phone ?? <span className="muted">—</span>}</dd>
          </div>
          <div>
            <dt>Customer since</dt>
            <dd>{formatDate(c.createdAt)}</dd>
          </div>
          <div>
            <dt>{shopOrders ? 'Spent at this till (net)' : 'Spent (net)'}</dt>
            <dd>
              <CurrencyTotals totals={c.totals} align="start" />
            </dd>
          </div>
          {shopOrders && (
            <div>
              <dt>Spent at other tills (net)</dt>
              <dd>
                <CurrencyTotals totals={shopOrders.totals} align="start" />
              </dd>
            </div>
          )}
          {c.stripeCustomerId && (
            <div>
              <dt>Stripe customer</dt>
              <dd>
                <code className="mono">{c.stripeCustomerId}</code>
              </dd>
            </div>
          )}
        </dl>
        <EditCustomerDialog customer={c} open={editing} onSaved={() => reload()} onClose={() => setEditing(false)} />
      </section>
      <div className="customer-grid">
        <Panel title="Owned courses" labelledBy="customer-courses-title">
          {c.courses.length === 0 ? (
            <EmptyState title="No courses yet">Courses appear here once an order is paid in full.</EmptyState>
          ) : (
            <table className="table" aria-labelledby="customer-courses-title">
              <thead>
                <tr>
                  <th>Course</th>
                  <th>Granted</th>
                  <th>Order</th>
                </tr>
              </thead>
              <tbody>
                {c.courses.map((course) => (
                  <tr key={course.courseId}>
                    <td>
                      {course.title}
                      <div className="muted small mono">{course.code}</div>
                    </td>
                    <td>{formatShortDateTime(course.grantedAt)}</td>
                    <td>
                      <a href={`#/orders/${course.orderId}`}>#{course.orderId}</a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Panel>
        <CustomerOrdersPanel key={generation} customerId={customerId} title={shopOrders ? 'Orders at this till' : 'Orders'} />
        {shopOrders && <ShopCustomerOrdersPanel orders={shopOrders} />}
        <CustomerRecurringPanel customerId={customerId} />
        <CustomerCreditPanel customerId={customerId} />
      </div>
    </div>
  )
}
