import type { ShopCustomerOrders } from '@shared/contract/shop'
import { ORDER_STATUSES, type OrderStatus } from '@shared/domain'
import { useLiveEvents, useQuery } from '../../app/hooks'
import { Money } from '../../ui/Money'
import { EmptyState, Panel } from '../../ui/Panel'
import { OrderStatusBadge } from '../../ui/OrderStatusBadge'
import { formatDateTime, humanize } from '../orders/detail/format'
import { shopOrderHref, tillName } from '../orders/shop/shop-order-href'

/** How many of a customer's other-till orders the page lists (the latest); the totals count them all. */
export const OTHER_TILLS_SHOWN = 20

/** Shop mode only: the customer's orders at the other tills (by email), null when this till is on its own. */
export function useShopCustomerOrders(customerId: number): ShopCustomerOrders | null {
  const [status, reloadStatus] = useQuery('shop:status', {})
  const [orders, reloadOrders] = useQuery('shop:customerOrders', { customerId, limit: OTHER_TILLS_SHOWN })
  useLiveEvents((event) => {
    if (event.type !== 'shop.synced') return
    reloadStatus()
    reloadOrders()
  })
  if (status.state !== 'ready' || !status.data.enabled || orders.state !== 'ready') return null
  return orders.data
}

export function ShopCustomerOrdersPanel({ orders }: { orders: ShopCustomerOrders }) {
  const { rows, total, asOf } = orders
  return (
    <Panel title="Orders at other tills" labelledBy="customer-shop-orders-title">
      <p className="muted small" role="status">
        {asOf === null ? 'Shop history not synced yet.' : `From the shop history as of ${formatDateTime(asOf)}, matched by email.`}
        {total > rows.length && ` Showing the latest ${rows.length} of ${total}.`}
      </p>
      {rows.length === 0 ? (
        <EmptyState title="No orders at other tills" />
      ) : (
        <table className="table" aria-labelledby="customer-shop-orders-title">
          <thead>
            <tr>
              <th>Order</th>
              <th>Date</th>
              <th>Status</th>
              <th className="num">Total</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={`${row.installation}/${row.orderId}`}>
                <td>
                  <a href={shopOrderHref(row.installation, row.orderId)}>#{row.orderId}</a>
                  <div className="muted small" title={row.installation}>
                    {tillName(row.installation)}
                  </div>
                </td>
                <td>{formatDateTime(row.createdAt)}</td>
                <td>
                  {(ORDER_STATUSES as readonly string[]).includes(row.status) ? <OrderStatusBadge status={row.status as OrderStatus} /> : humanize(row.status)}
                </td>
                <td className="num">
                  <Money amount={row.amount} currency={row.currency} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Panel>
  )
}
