import { z } from 'zod'
import { channel } from './channel'

/** Shop mode's sync, as this till sees it. */
export interface ShopStatus {
  /** False: this till is on its own (no COURSETILL_SHOP_DATABASE_URL). */
  enabled: boolean
  connected: boolean
  /** Unix ms of the last complete pull: the other tills' history is as of then. */
  asOf: number | null
  /** Local changes not yet in the shop database. */
  pendingPush: number
  lastError: string | null
}

/** Another till's order, as of the last pull. */
export interface ShopOrderRow {
  installation: string
  orderId: number
  email: string
  customerName: string
  amount: number
  currency: string
  status: string
  kind: string
  createdAt: number
}

export interface ShopOrderPage {
  rows: ShopOrderRow[]
  asOf: number | null
  /** Every order of the other tills held locally. */
  total: number
}

/** The tills whose orders this one holds: itself, and each other till with how many of its orders were pulled. */
export interface ShopTills {
  own: string
  others: Array<{ installation: string; orders: number }>
}

// Shop mode (issue 16): the sync's freshness and the whole shop's orders held locally (readable offline).
export const shopChannels = {
  'shop:status': channel<ShopStatus>()(z.strictObject({})),
  /** For Orders' till filter. */
  'shop:tills': channel<ShopTills>()(z.strictObject({})),
  /** Other tills' orders, newest first; `before` pages by created_at. */
  'shop:orders': channel<ShopOrderPage>()(
    z.strictObject({ limit: z.int().min(1).max(500).default(100), before: z.int().nonnegative().max(Number.MAX_SAFE_INTEGER).optional() }),
  ),
}
