import type { OrderDetail } from '@shared/domain'
import { isPayable, orderMoney } from '@shared/order-rules'
import { Badge } from '../../../ui/Badge'
import { Button } from '../../../ui/Button'
import { OrderStatusBadge } from '../../../ui/OrderStatusBadge'
import { OrderKindBadge } from '../../recurring/OrderKindBadge'
import { formatDateTime } from './format'
import { MoneyFacts } from './MoneyFacts'

/** Who, what it came to, where the money stands, and whether a manager must look at it. */
export function OrderHeader({ order, reviewReason, onReceipt }: { order: OrderDetail; reviewReason: string | null; onReceipt: (() => void) | null }) {
  const { paid, refunded } = orderMoney(order)
  return (
    <section className="panel order-head" aria-labelledby="order-detail-title">
      <div className="order-head-top">
        <div className="order-head-title">
          <h1 id="order-detail-title" tabIndex={-1}>Order #{order.id}</h1>
          <OrderStatusBadge status={order.status} />
          <OrderKindBadge kind={order.kind} />
          {order.external && (
            <Badge tone="info" title={`Paid in Stripe without the till: ${order.external.stripeObjectId}`}>
              External
            </Badge>
          )}
        </div>
        <div className="row">
          <a className="btn btn-ghost btn-sm" href="#/orders">
            All orders
          </a>
          {isPayable(order.status) && (
            <a className="btn btn-primary btn-sm" href={`#/sell/order/${order.id}`}>
              Resume checkout
            </a>
          )}
          {onReceipt && (
            <Button size="sm" onClick={onReceipt}>
              Reprint receipt
            </Button>
          )}
        </div>
      </div>
      <dl className="order-facts">
        <div>
          <dt>Customer</dt>
          <dd>
            <a href={`#/customers/${order.accountId}`}>{order.accountName}</a>
            <div className="muted small">{order.accountEmail}</div>
          </dd>
        </div>
        <MoneyFacts amount={order.amount} paid={paid} refunded={refunded} currency={order.currency} />
        <div>
          <dt>Created</dt>
          <dd>{formatDateTime(order.createdAt)}</dd>
        </div>
        <div>
          <dt>{order.canceledAt ? 'Canceled' : 'Updated'}</dt>
          <dd>{formatDateTime(order.canceledAt ?? order.updatedAt)}</dd>
        </div>
      </dl>
      {reviewReason && (
        <div className="review-flag" role="alert">
          <strong>Needs a manager's review.</strong> {reviewReason}. Its courses are not granted until the payment has been checked in the Stripe dashboard.
        </div>
      )}
    </section>
  )
}
