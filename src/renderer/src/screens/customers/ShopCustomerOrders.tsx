import type { ShopCustomerOrders } from '@shared/contract/shop'
import { useLiveEvents, useQuery } from '../../app/hooks'
import { EmptyState, Panel } from '../../ui/Panel'
import { formatDateTime } from '../orders/detail/format'
import { CopiedOrderStatus } from '../orders/shop/CopiedOrderStatus'
import { shopOrderHref, tillName } from '../orders/shop/shop-order-href'
import { CustomerOrdersTable } from './CustomerOrdersTable'

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
        <CustomerOrdersTable
          labelledBy="customer-shop-orders-title"
          lines={rows.map((row) => ({
            key: `${row.installation}/${row.orderId}`,
            href: shopOrderHref(row.installation, row.orderId),
            number: row.orderId,
            note: (
              <div className="muted small" title={row.installation}>
                {tillName(row.installation)}
              </div>
            ),
            createdAt: row.createdAt,
            status: <CopiedOrderStatus status={row.status} />,
            amount: row.amount,
            currency: row.currency,
          }))}
        />
      )}
    </Panel>
  )
}
