import type { OrderStatus } from '@shared/domain'
import { orderStatusLabel } from '@shared/order-rules'
import { Badge } from './Badge'

// A declined order can still be paid, so it is a warning, not a red failure.
const STATUS_TONE = {
  pending: 'info',
  partially_paid: 'warning',
  successful: 'success',
  failed: 'warning',
  canceled: 'neutral',
  partially_refunded: 'warning',
  refunded: 'neutral',
} as const

export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  return (
    <Badge tone={STATUS_TONE[status]} title={status === 'failed' ? 'Every attempt so far was declined; the order can still be paid' : undefined}>
      {orderStatusLabel(status)}
    </Badge>
  )
}
