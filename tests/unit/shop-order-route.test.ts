import { describe, expect, it } from 'vitest'
import { parseShopOrderParams, shopOrderHref, tillName } from '../../src/shared/shop-order-route'

// The route of another till's order (shop mode): what links make is what the router reads back, and nothing else
// under #/orders/till/… is taken for one.
const TILL = '83e5e54782a69f46574c93552b53986f'

describe("another till's order route", () => {
  it('reads back what shopOrderHref makes', () => {
    const href = shopOrderHref(TILL, 42)
    expect(href).toBe(`#/orders/till/${TILL}/42`)
    // As the router splits it (app/route.ts): the screen, then the params.
    const [screen, ...params] = href.replace(/^#\//, '').split('/')
    expect(screen).toBe('orders')
    expect(parseShopOrderParams(params)).toEqual({ installation: TILL, orderId: 42 })
  })

  it('is not a route without a positive whole order id, a till, or with a malformed escape', () => {
    for (const params of [['till', TILL], ['till', TILL, '0'], ['till', TILL, '-1'], ['till', TILL, '4.2'], ['till', TILL, '07'], ['till', TILL, 'x'], ['42'], ['order', TILL, '1'], [], ['till', '%E0%A4%A', '1']]) {
      expect(parseShopOrderParams(params), JSON.stringify(params)).toBeNull()
    }
  })

  it("names a till by its id's first 8 characters", () => {
    expect(tillName(TILL)).toBe('Till 83e5e547')
  })
})
