import { describe, expect, it } from 'vitest'
import { matchRoute } from '../../src/http/router'

const routes = [
  { method: 'GET', path: '/v1/customers/search', name: 'search' },
  { method: 'GET', path: '/v1/customers/:id', name: 'retrieve' },
  { method: 'POST', path: '/v1/payment_intents/:id/confirm', name: 'confirm' },
]

describe('matchRoute', () => {
  it('matches literal routes before parameters in table order', () => {
    expect(matchRoute(routes, 'GET', '/v1/customers/search')?.route.name).toBe('search')
    expect(matchRoute(routes, 'GET', '/v1/customers/cus_1')).toMatchObject({
      route: { name: 'retrieve' },
      pathParams: { id: 'cus_1' },
    })
  })

  it('requires the method and segment count to match', () => {
    expect(matchRoute(routes, 'POST', '/v1/customers/cus_1')).toBeUndefined()
    expect(matchRoute(routes, 'POST', '/v1/payment_intents/pi_1')).toBeUndefined()
    expect(matchRoute(routes, 'POST', '/v1/payment_intents/pi_1/confirm')?.pathParams).toEqual({ id: 'pi_1' })
  })

  it('decodes path parameters and ignores a trailing slash', () => {
    expect(matchRoute(routes, 'GET', '/v1/customers/cus%5F1/')?.pathParams.id).toBe('cus_1')
    expect(matchRoute(routes, 'GET', '/v1/customers/')).toBeUndefined()
  })
})
