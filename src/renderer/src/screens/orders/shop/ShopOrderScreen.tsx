import type { ShopOrderDetail } from '@shared/contract/shop'
import type { OrderKind } from '@shared/recurring'
import { useLiveEvents, useQuery } from '../../../app/hooks'
import { Badge } from '../../../ui/Badge'
import { EmptyState, Loading, Panel } from '../../../ui/Panel'
import { OrderKindBadge } from '../../recurring/OrderKindBadge'
import { formatDateTime } from '../detail/format'
import { tillName } from './shop-order-href'
import { ShopItemsPanel, ShopPaymentsPanel, ShopRefundsPanel } from './ShopOrderTables'
import { CopiedOrderStatus } from './CopiedOrderStatus'
import { MoneyFacts } from '../detail/MoneyFacts'

const KINDS: readonly string[] = ['sale', 'membership', 'renewal', 'installment']

/**
 * Another till's order as this till holds it from the shop history (so it opens offline), read-only: a refund or
 * a revoke goes through the Stripe keys, the cash drawer and the shift of the till that took the payment.
 */
export function ShopOrderScreen({ installation, orderId }: { installation: string; orderId: number }) {
  const [order, reload] = useQuery('shop:order', { installation, orderId })
  useLiveEvents((event) => {
    if (event.type === 'shop.synced') reload()
  })
  const title = `Order #${orderId} · ${tillName(installation)}`
  if (order.state === 'loading') return <Loading label="Opening the order from the shop history…" />
  if (order.state === 'error') {
    return (
      <Panel title={title} labelledBy="shop-order-title">
        <EmptyState title="This order could not be opened">
          {order.message}. <a href="#/orders">Back to all orders</a>
        </EmptyState>
      </Panel>
    )
  }
  return (
    <div className="order-detail shop-order-detail">
      <ShopOrderHeader order={order.data} />
      <div className="order-detail-grid">
        <div className="stack">
          <ShopItemsPanel order={order.data} />
          <ShopPaymentsPanel order={order.data} />
        </div>
        <div className="stack">
          <ShopRefundsPanel order={order.data} />
        </div>
      </div>
    </div>
  )
}

function ShopOrderHeader({ order }: { order: ShopOrderDetail }) {
  return (
    <section className="panel order-head" aria-labelledby="shop-order-title">
      <div className="order-head-top">
        <div className="order-head-title">
          <h1 id="shop-order-title" tabIndex={-1}>
            Order #{order.orderId} · <span title={order.installation}>{tillName(order.installation)}</span>
          </h1>
          <CopiedOrderStatus status={order.status} />
          {KINDS.includes(order.kind) && <OrderKindBadge kind={order.kind as OrderKind} />}
          <Badge tone="info">Other till</Badge>
        </div>
        <a className="btn btn-ghost btn-sm" href="#/orders">
          All orders
        </a>
      </div>
      <p className="shop-freshness-line muted small" role="status">
        {order.asOf === null ? 'From the shop history (not synced complete yet)' : `From the shop history as of ${formatDateTime(order.asOf)}`}
      </p>
      <dl className="order-facts">
        <div>
          <dt>Customer</dt>
          <dd>
            {order.customerId === null ? order.customerName : <a href={`#/customers/${order.customerId}`}>{order.customerName}</a>}
            <div className="muted small">{order.email}</div>
          </dd>
        </div>
        <MoneyFacts amount={order.amount} paid={order.paid} refunded={order.refunded} currency={order.currency} />
        <div>
          <dt>Created</dt>
          <dd>{formatDateTime(order.createdAt)}</dd>
        </div>
        <div>
          <dt>Till</dt>
          <dd>
            <code className="mono small" title={order.installation}>
              {order.installation}
            </code>
          </dd>
        </div>
      </dl>
      {/* Each till's refunds go through its own Stripe account keys and idempotency keys, its cash drawer and its
          shift, and are recorded in its own store: doing one here would take money from the wrong drawer. */}
      <p className="shop-order-note">
        Read-only here. Refunds and changes to this order are made at the till that took the payment ({tillName(order.installation)}), with its Stripe
        keys, cash drawer and shift.
      </p>
    </section>
  )
}
