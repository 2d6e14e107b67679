import { describe, expect, it } from 'vitest'
import { authenticate, extractKey, redactKey } from '../../src/http/auth'
import { ApiError } from '../../src/http/errors'

describe('authenticate', () => {
  it('tells secret from publishable test keys', () => {
    expect(authenticate('Bearer sk_test_123')).toBe('secret')
    expect(authenticate('Bearer rk_test_123')).toBe('secret')
    expect(authenticate('Bearer pk_test_123')).toBe('publishable')
  })

  it('accepts basic auth with the key as user name', () => {
    const basic = `Basic ${Buffer.from('sk_test_abc:').toString('base64')}`
    expect(extractKey(basic)).toBe('sk_test_abc')
    expect(authenticate(basic)).toBe('secret')
  })

  it('answers missing, malformed and live keys with 401', () => {
    for (const header of [undefined, '', 'Bearer', 'Bearer nope', 'Token sk_test_1', 'Bearer sk_live_123']) {
      try {
        authenticate(header)
        expect.unreachable(String(header))
      } catch (error) {
        expect(error).toBeInstanceOf(ApiError)
        expect((error as ApiError).status).toBe(401)
      }
    }
  })

  it('redacts keys in messages like Stripe', () => {
    expect(redactKey('sk_test_abcdefgh1234')).toBe('sk_test_********1234')
    expect(redactKey('sk_live_12')).toBe('sk_live_12')
  })
})
