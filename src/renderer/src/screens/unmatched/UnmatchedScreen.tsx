import { useState } from 'react'
import type { ExternalStatus } from '@shared/external-payments'
import { api } from '../../api/transport'
import { useLiveEvents, useQuery } from '../../app/hooks'
import { useManagerAction } from '../../app/useManagerAction'
import { SelectField } from '../../ui/Field'
import { EmptyState, Loading, Panel } from '../../ui/Panel'
import { useToasts } from '../../ui/toasts'
import { ExternalPaymentCard } from './ExternalPaymentCard'

const VIEWS: Array<{ status: ExternalStatus; label: string }> = [
  { status: 'unmatched', label: 'Waiting for a manager' },
  { status: 'recorded', label: 'Recorded as orders' },
  { status: 'dismissed', label: 'Dismissed' },
]

/**
 * Payments taken in Stripe without the till (Payment Links, dashboard invoices) that the till could not place by
 * itself: a manager assigns each to a customer with its courses, or dismisses it with a reason. Nothing is dropped.
 */
export function UnmatchedScreen() {
  const [status, setStatus] = useState<ExternalStatus>('unmatched')
  const [list, reload] = useQuery('external:list', { status })
  const managerCall = useManagerAction()
  const toasts = useToasts()
  useLiveEvents((event) => event.type === 'external.changed' && reload())

  const setEnabled = (enabled: boolean) =>
    managerCall((managerToken: string) => api.invoke('external:setEnabled', { enabled, managerToken })).then(reload, (error: Error) => toasts.error('The setting could not be saved', error.message))

  return (
    <div className="stack unmatched">
      <h1 tabIndex={-1}>Unmatched payments</h1>
      <p className="muted">
        Paid in Stripe without the till — a Payment Link or an invoice. A known email and courses at their prices become orders by themselves;
        the rest waits here.
      </p>
      <div className="row between">
        <SelectField label="Show" value={status} onChange={(event) => setStatus(event.target.value as ExternalStatus)}>
          {VIEWS.map((view) => (
            <option key={view.status} value={view.status}>
              {view.label}
            </option>
          ))}
        </SelectField>
        {list.state === 'ready' && (
          <label className="row">
            <input type="checkbox" checked={list.data.enabled} onChange={(event) => void setEnabled(event.target.checked)} />
            This till records payments taken in Stripe (keep it on at one till of the shop)
          </label>
        )}
      </div>
      {list.state === 'loading' && <Loading />}
      {list.state === 'error' && (
        <Panel>
          <EmptyState title="The payments could not be loaded">{list.message}</EmptyState>
        </Panel>
      )}
      {list.state === 'ready' && list.data.payments.length === 0 && (
        <Panel>
          <EmptyState title={status === 'unmatched' ? 'Nothing is waiting' : 'None yet'}>
            {status === 'unmatched' ? 'Every payment taken in Stripe has been placed.' : null}
          </EmptyState>
        </Panel>
      )}
      {list.state === 'ready' && list.data.payments.map((payment) => <ExternalPaymentCard key={payment.id} payment={payment} onChanged={reload} />)}
    </div>
  )
}
