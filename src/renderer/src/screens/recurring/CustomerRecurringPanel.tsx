import { useState } from 'react'
import type { Membership, MembershipStatus } from '@shared/recurring'
import { api } from '../../api/transport'
import { useLiveEvents, useQuery } from '../../app/hooks'
import { navigate } from '../../app/route'
import { Badge, type Tone } from '../../ui/Badge'
import { Button } from '../../ui/Button'
import { Money } from '../../ui/Money'
import { EmptyState, Panel } from '../../ui/Panel'
import { useToasts } from '../../ui/toasts'
import { formatDate } from '../orders/detail/format'
import { PER } from './period'
import { InstallmentPlans } from './InstallmentPlans'
import { CancelNowDialog } from './CancelNowDialog'

const STATUS_TONE: Record<MembershipStatus, Tone> = {
  active: 'success',
  trialing: 'info',
  past_due: 'warning',
  incomplete: 'info',
  unpaid: 'danger',
  canceled: 'neutral',
  incomplete_expired: 'neutral',
  paused: 'neutral',
}

/** A customer's memberships (status, next renewal, cancel) and payment plans (schedule, past due, pay). */
export function CustomerRecurringPanel({ customerId }: { customerId: number }) {
  const [memberships, reload] = useQuery('memberships:list', { accountId: customerId })
  useLiveEvents((event) => {
    if ((event.type === 'membership.changed' || event.type === 'installments.changed') && event.accountId === customerId) reload()
  })
  const list = memberships.state === 'ready' ? memberships.data : []
  return (
    <div className="stack">
      <Panel title="Memberships" labelledBy="customer-memberships-title">
        {list.length === 0 ? (
          <EmptyState title="No memberships" />
        ) : (
          <ul className="membership-list" aria-label="Memberships">
            {list.map((m) => (
              <MembershipRow key={m.id} membership={m} onChanged={reload} />
            ))}
          </ul>
        )}
      </Panel>
      <InstallmentPlans customerId={customerId} />
    </div>
  )
}

function MembershipRow({ membership: m, onChanged }: { membership: Membership; onChanged: () => void }) {
  const toasts = useToasts()
  const [busy, setBusy] = useState(false)
  const [confirming, setConfirming] = useState(false)
  const live = m.status === 'active' || m.status === 'past_due' || m.status === 'trialing'

  async function run(action: () => Promise<unknown>, failure: string) {
    setBusy(true)
    try {
      await action()
      onChanged()
    } catch (error) {
      toasts.error(failure, (error as Error).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <li className="membership" data-testid={`membership-${m.id}`}>
      <div className="row between">
        <strong>{m.planTitle}</strong>
        <Badge tone={STATUS_TONE[m.status]}>{m.status.replace('_', ' ')}</Badge>
      </div>
      <div className="muted">
        <Money amount={m.amount} currency={m.currency} /> / {PER[m.interval]}
        {m.currentPeriodEnd !== null && live && <> · {m.cancelAtPeriodEnd ? 'ends' : 'renews'} {formatDate(m.currentPeriodEnd)}</>}
        {' · '}
        {m.orderIds.map((id) => (
          <a key={id} href={`#/orders/${id}`} className="order-link">
            #{id}{' '}
          </a>
        ))}
      </div>
      {m.lastFailure && <p className="error">{m.lastFailure}</p>}
      {live && (
        <div className="row">
          <Button size="sm" busy={busy} onClick={() => void run(() => api.invoke('memberships:cancelAtPeriodEnd', { membershipId: m.id, cancel: !m.cancelAtPeriodEnd }), 'The membership could not be changed')}>
            {m.cancelAtPeriodEnd ? 'Keep renewing' : 'Cancel at period end'}
          </Button>
          <Button size="sm" variant="ghost" busy={busy} onClick={() => setConfirming(true)}>
            Cancel now…
          </Button>
        </div>
      )}
      <CancelNowDialog membership={confirming ? m : null} onDone={onChanged} onClose={() => setConfirming(false)} />
      {m.status === 'incomplete' && (
        <Button size="sm" onClick={() => navigate('sell', 'order', m.firstOrderId)}>
          Pay first period
        </Button>
      )}
    </li>
  )
}
