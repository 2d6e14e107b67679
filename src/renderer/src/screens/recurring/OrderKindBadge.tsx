import type { OrderKind } from '@shared/recurring'
import { Badge } from '../../ui/Badge'

const LABEL: Record<OrderKind, string | null> = { sale: null, membership: 'Membership', renewal: 'Renewal', installment: 'Payment plan' }

/** Renewals, a membership's first period and payment plan parts are labelled; till sales are not. */
export function OrderKindBadge({ kind }: { kind: OrderKind }) {
  const label = LABEL[kind]
  return label ? <Badge tone="info">{label}</Badge> : null
}
