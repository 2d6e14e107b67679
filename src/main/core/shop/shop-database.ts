// The port to the shop database (PostgreSQL). Core speaks SQL through it; the shell src/main/shop-pg plugs in the
// `pg` driver, and compose.ts connects the two. int8 columns arrive as numbers (ids and unix ms fit in 2^53).

export interface ShopQueryable {
  query<R = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<R[]>
}

export interface ShopListener {
  close(): Promise<void>
}

export interface ShopDatabase extends ShopQueryable {
  /** fn runs in one transaction on one connection: committed if it resolves, rolled back if it throws. */
  transaction<T>(fn: (tx: ShopQueryable) => Promise<T>): Promise<T>
  /** LISTEN on a dedicated connection; onLost when that connection fails (listen again to resume). */
  listen(channel: string, onNotify: (payload: string) => void, onLost: (error: unknown) => void): Promise<ShopListener>
  close(): Promise<void>
}

export type OpenShopDatabase = (url: string) => ShopDatabase

/** Every writer of shop_seq takes this transaction lock first: shop_seq order is then commit order. */
export const SHOP_WRITE_LOCK = 16_016

export async function takeShopWriteLock(tx: ShopQueryable): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [SHOP_WRITE_LOCK])
}

/** The NOTIFY channel a push announces itself on (payload: the pushing installation). */
export const SHOP_CHANGED_CHANNEL = 'coursetill_shop_changed'
