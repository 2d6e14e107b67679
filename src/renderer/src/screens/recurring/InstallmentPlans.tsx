import { useState } from 'react'
import type { InstallmentPlan } from '@shared/recurring'
import { api } from '../../api/transport'
import { useQuery, useLiveEvents } from '../../app/hooks'
import { navigate } from '../../app/route'
import { Badge } from '../../ui/Badge'
import { Button } from '../../ui/Button'
import { Money } from '../../ui/Money'
import { EmptyState, Panel } from '../../ui/Panel'
import { useToasts } from '../../ui/toasts'
import { formatDate } from '../orders/detail/format'

/** A customer's payment plans: the schedule, what is past due, and Pay past due / Pay all (amounts from the store). */
export function InstallmentPlans({ customerId }: { customerId: number }) {
  const [plans, reload] = useQuery('installments:list', { accountId: customerId })
  useLiveEvents((event) => {
    if (event.type === 'installments.changed' && event.accountId === customerId) reload()
  })
  const list = plans.state === 'ready' ? plans.data : []
  return (
    <Panel title="Payment plans" labelledBy="customer-plans-title">
      {list.length === 0 ? <EmptyState title="No payment plans" /> : list.map((plan) => <PlanCard key={plan.id} plan={plan} />)}
    </Panel>
  )
}

function PlanCard({ plan }: { plan: InstallmentPlan }) {
  const toasts = useToasts()
  const [busy, setBusy] = useState(false)

  async function pay(scope: 'past_due' | 'all') {
    setBusy(true)
    try {
      const order = await api.invoke('installments:pay', { planId: plan.id, scope })
      navigate('sell', 'order', order.id)
    } catch (error) {
      toasts.error('The payment could not be prepared', (error as Error).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="plan" data-testid={`plan-${plan.id}`}>
      <div className="row between">
        <strong>{plan.courseTitle}</strong>
        {plan.suspended ? <Badge tone="danger">access suspended</Badge> : plan.pastDueAmount > 0 ? <Badge tone="warning">past due</Badge> : null}
      </div>
      {plan.lastChargeFailure && <p className="error" role="alert">Last charge failed: {plan.lastChargeFailure}</p>}
      <table className="plan-schedule">
        <thead>
          <tr>
            <th>Part</th>
            <th>Due</th>
            <th className="num">Amount</th>
            <th>Paid</th>
          </tr>
        </thead>
        <tbody>
          {plan.charges.map((c) => (
            <tr key={c.id} className={c.pastDue ? 'past-due' : undefined}>
              <td>{c.seq}</td>
              <td>{formatDate(c.dueAt)}</td>
              <td className="num">
                <Money amount={c.amount} currency={c.currency} />
              </td>
              <td>{c.paidAt !== null ? <a href={`#/orders/${c.paidOrderId}`}>{formatDate(c.paidAt)}</a> : c.pastDue ? 'past due' : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {plan.outstandingAmount > 0 && (
        <div className="row">
          <Button size="sm" variant="primary" busy={busy} disabled={plan.pastDueAmount === 0} onClick={() => void pay('past_due')}>
            Pay past due <Money amount={plan.pastDueAmount} currency={plan.currency} />
          </Button>
          <Button size="sm" busy={busy} onClick={() => void pay('all')}>
            Pay all <Money amount={plan.outstandingAmount} currency={plan.currency} />
          </Button>
        </div>
      )}
    </div>
  )
}
