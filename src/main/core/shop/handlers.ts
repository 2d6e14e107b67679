import type { shopChannels, ShopOrderRow, ShopTills } from '@shared/contract/shop'
import { readInstallationId } from '../installation'
import type { HandlerDeps, HandlersFor } from '../api/handler-types'
import { sql } from '../store/statements'
import { shopHistoryAsOf } from './as-of'

export function shopHandlers({ ctx, shop }: Pick<HandlerDeps, 'ctx' | 'shop'>): HandlersFor<typeof shopChannels> {
  const { db } = ctx
  return {
    'shop:status': () => shop?.()?.status() ?? { enabled: false, connected: false, asOf: null, pendingPush: 0, lastError: null },
    'shop:tills': () => ({
      own: readInstallationId(db),
      // Read off the (installation, created_at, order_id) index, one till after another.
      others: sql(db, 'SELECT installation, count(*) AS orders FROM shop_order_copy GROUP BY installation ORDER BY installation').all() as ShopTills['others'],
    }),
    'shop:orders': (input) => ({
      rows: sql(
        db,
        `SELECT installation, order_id AS orderId, email, customer_name AS customerName, amount, currency, status, kind, created_at AS createdAt
           FROM shop_order_copy WHERE created_at < ? ORDER BY created_at DESC, installation, order_id LIMIT ?`,
      ).all(input.before ?? Number.MAX_SAFE_INTEGER, input.limit) as ShopOrderRow[],
      asOf: shopHistoryAsOf(db),
      total: sql(db, 'SELECT count(*) FROM shop_order_copy').pluck().get() as number,
    }),
  }
}
