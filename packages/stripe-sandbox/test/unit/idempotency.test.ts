import { describe, expect, it } from 'vitest'
import { ApiError } from '../../src/http/errors'
import { canonicalJson, replayFor } from '../../src/http/idempotency'

const saved = {
  endpoint: 'POST /v1/refunds',
  fingerprint: canonicalJson({ amount: '5' }),
  status: 200,
  body: '{}',
  request_id: 'req_1',
}

describe('canonicalJson', () => {
  it('ignores key order but not values or array order', () => {
    expect(canonicalJson({ a: '1', b: { c: '2', d: null } })).toBe(canonicalJson({ b: { d: null, c: '2' }, a: '1' }))
    expect(canonicalJson({ a: ['x', 'y'] })).not.toBe(canonicalJson({ a: ['y', 'x'] }))
    expect(canonicalJson({ a: '1' })).not.toBe(canonicalJson({ a: '2' }))
  })
})

describe('replayFor', () => {
  it('replays the saved answer for the same request', () => {
    expect(replayFor(saved, 'k', 'POST /v1/refunds', saved.fingerprint)).toEqual({ status: 200, body: '{}', requestId: 'req_1' })
    expect(replayFor(undefined, 'k', 'POST /v1/refunds', saved.fingerprint)).toBeUndefined()
  })

  it('refuses other parameters or another endpoint with idempotency_error', () => {
    for (const attempt of [
      () => replayFor(saved, 'k', 'POST /v1/refunds', canonicalJson({ amount: '6' })),
      () => replayFor(saved, 'k', 'POST /v1/customers', saved.fingerprint),
    ]) {
      try {
        attempt()
        expect.unreachable()
      } catch (error) {
        expect((error as ApiError).body.type).toBe('idempotency_error')
        expect((error as ApiError).status).toBe(400)
      }
    }
  })
})
