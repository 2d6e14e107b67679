// Another till's order, read-only from the shop history held here: #/orders/till/<installation>/<orderId>.
// Plain functions (no DOM) in shared so they are unit-tested; the renderer imports them via screens/orders/shop.

const TILL_SEGMENT = 'till'

export function shopOrderHref(installation: string, orderId: number): string {
  return `#/orders/${TILL_SEGMENT}/${encodeURIComponent(installation)}/${orderId}`
}

/** The route's params after "orders", when they name another till's order (the contract validates the id itself). */
export function parseShopOrderParams(params: readonly string[]): { installation: string; orderId: number } | null {
  const [segment, installation, orderId] = params
  if (segment !== TILL_SEGMENT || !installation || !orderId || !/^[1-9]\d*$/.test(orderId)) return null
  try {
    return { installation: decodeURIComponent(installation), orderId: Number(orderId) }
  } catch {
    return null // a malformed %-escape typed into the address: not a route
  }
}

/** How the UI names a till: its id's first 8 characters (the full id goes in a title). */
export const tillName = (installation: string) => `Till ${installation.slice(0, 8)}`
