import { useLiveEvents, useQuery } from '../../../app/hooks'
import { formatDateTime } from '../../../app/shop-format'

/**
 * Shop mode: how fresh the other tills' orders are (they are this till's copy as of its last sync, so they show
 * offline too), whether this till's own changes are still on their way, and — while other tills' orders are listed —
 * that they are read-only here. Not shown on a till that is not in a shop.
 */
export function ShopFreshness({ showingOthers }: { showingOthers: boolean }) {
  const [status, reload] = useQuery('shop:status', {})
  useLiveEvents((event) => event.type === 'shop.synced' && reload())
  if (status.state !== 'ready' || !status.data.enabled) return null
  const { asOf, pendingPush, lastError } = status.data
  return (
    <p className="shop-freshness small" role="status">
      <strong>Shop</strong>
      {asOf === null ? ' · other tills not synced yet' : ` · other tills as of ${formatDateTime(asOf)}`}
      {pendingPush > 0 && ` · ${pendingPush} local changes waiting to reach the shop`}
      {lastError && ` · shop database unreachable: ${lastError}`}
      {/* A refund goes through the Stripe account and the cash drawer of the till that took the payment, and is
          recorded in that till's store (its idempotency keys, its ledger, its shift): it is made there. */}
      {showingOthers && ' · other tills’ orders are read-only here: refunds are made at the till that took them'}
    </p>
  )
}
