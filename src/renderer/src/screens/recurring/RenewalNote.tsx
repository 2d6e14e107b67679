import type { OrderDetail } from '@shared/domain'
import { useQuery } from '../../app/hooks'
import { Money } from '../../ui/Money'
import { formatDate } from '../orders/detail/format'
import { EVERY } from './period'

/** On a membership's receipt: what renews, when and for how much. */
export function RenewalNote({ order }: { order: OrderDetail }) {
  const [memberships] = useQuery('memberships:list', { accountId: order.accountId })
  if (order.kind !== 'membership' || memberships.state !== 'ready') return null
  const membership = memberships.data.find((m) => m.firstOrderId === order.id)
  if (!membership) return null
  return (
    <p className="renewal-note" data-testid="renewal-note">
      {membership.planTitle} renews {EVERY[membership.interval]}
      {membership.currentPeriodEnd !== null && <> on {formatDate(membership.currentPeriodEnd)}</>} for{' '}
      <Money amount={membership.amount} currency={membership.currency} />, charged to the card used today.
    </p>
  )
}

