import { ORDER_STATUSES, type OrderStatus } from '@shared/domain'
import { Badge } from '../../../ui/Badge'
import { OrderStatusBadge } from '../../../ui/OrderStatusBadge'
import { humanize } from '../detail/format'

/** Another till's order status as copied: the usual badge, or its words for a status this build does not know. */
export function CopiedOrderStatus({ status }: { status: string }) {
  return (ORDER_STATUSES as readonly string[]).includes(status) ? <OrderStatusBadge status={status as OrderStatus} /> : <Badge tone="neutral">{humanize(status)}</Badge>
}
