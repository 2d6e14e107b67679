import { useLiveEvents, useQuery } from '../../app/hooks'
import { formatDateTime, formatShortDateTime } from '../../app/shop-format'
import { Money } from '../../ui/Money'
import { EmptyState } from '../../ui/Panel'
import { shopOrderHref, tillName } from './shop/shop-order-href'

/**
 * Shop mode: the other tills' orders, held in this till's store as of its last sync (so they show offline too).
 * Rendered only when shop mode is on, folded above the till's own orders; its summary says how fresh the copy is.
 */
export function ShopOrdersPanel() {
  const [status, reloadStatus] = useQuery('shop:status', {})
  const [page, reloadPage] = useQuery('shop:orders', { limit: 50 })
  useLiveEvents((event) => {
    if (event.type !== 'shop.synced') return
    reloadStatus()
    reloadPage()
  })
  if (status.state !== 'ready' || !status.data.enabled) return null
  const asOf = status.data.asOf
  return (
    <details className="panel shop-orders-panel">
      <summary className="shop-freshness" role="status">
        <strong>Other tills</strong>
        {page.state === 'ready' && ` · ${page.data.total} orders`}
        {asOf === null ? ' · shop history not synced yet' : ` · shop history as of ${formatDateTime(asOf)}`}
        {status.data.pendingPush > 0 && ` · ${status.data.pendingPush} local changes waiting to reach the shop`}
        {status.data.lastError && ` · shop database unreachable: ${status.data.lastError}`}
      </summary>
      {/* A refund goes through the Stripe account and the cash drawer of the till that took the payment, and is
          recorded in that till's store (its idempotency keys, its ledger, its shift): it is made there. */}
      <p className="muted small">Read-only here: refunds and revokes of these orders are made at the till that took them.</p>
      {page.state === 'ready' && page.data.rows.length === 0 && <EmptyState title="No orders from other tills yet" />}
      {page.state === 'ready' && page.data.rows.length > 0 && (
        <table className="shop-orders">
          <caption>
            Latest {page.data.rows.length} of {page.data.total} orders from other tills
          </caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Customer</th>
              <th scope="col">Status</th>
              <th scope="col">Amount</th>
              <th scope="col">Till</th>
            </tr>
          </thead>
          <tbody>
            {page.data.rows.map((row) => (
              <tr key={`${row.installation}-${row.orderId}`}>
                <td>{formatShortDateTime(row.createdAt)}</td>
                <td>{row.customerName}</td>
                <td>{row.status.replace('_', ' ')}</td>
                <td>
                  <Money amount={row.amount} currency={row.currency} />
                </td>
                <td title={row.installation}>
                  <a href={shopOrderHref(row.installation, row.orderId)}>
                    #{row.orderId} · {tillName(row.installation)}
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </details>
  )
}
