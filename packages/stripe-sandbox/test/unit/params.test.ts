import { describe, expect, it } from 'vitest'
import { ApiError } from '../../src/http/errors'
import {
  assertKnownParams,
  inRange,
  optionalBoolean,
  optionalEnum,
  optionalInteger,
  readMetadata,
  readRangeFilter,
  requiredString,
} from '../../src/http/params'

function errorOf(fn: () => unknown): ApiError {
  try {
    fn()
  } catch (error) {
    if (error instanceof ApiError) return error
    throw error
  }
  throw new Error('expected an ApiError')
}

describe('param readers', () => {
  it('names the missing parameter', () => {
    const error = errorOf(() => requiredString({}, 'currency'))
    expect(error.status).toBe(400)
    expect(error.body).toMatchObject({ type: 'invalid_request_error', code: 'parameter_missing', param: 'currency' })
    expect(errorOf(() => requiredString({ number: null }, 'number', 'card')).body.param).toBe('card[number]')
  })

  it('rejects unknown top-level parameters but always allows expand', () => {
    expect(() => assertKnownParams({ amount: '1', expand: ['x'] }, ['amount'])).not.toThrow()
    expect(errorOf(() => assertKnownParams({ amout: '1' }, ['amount'])).body).toMatchObject({
      code: 'parameter_unknown',
      param: 'amout',
    })
    expect(errorOf(() => assertKnownParams({ foo: '1' }, [], 'card')).body.param).toBe('card[foo]')
  })

  it('parses integers strictly', () => {
    expect(optionalInteger({ amount: '1000' }, 'amount')).toBe(1000)
    expect(optionalInteger({}, 'amount')).toBeUndefined()
    expect(optionalInteger({ amount: null }, 'amount')).toBeNull()
    expect(errorOf(() => optionalInteger({ amount: '10.5' }, 'amount')).body.code).toBe('parameter_invalid_integer')
    expect(errorOf(() => optionalInteger({ amount: '0' }, 'amount', 1)).body.message).toContain('greater than or equal to 1')
  })

  it('parses booleans and enums', () => {
    expect(optionalBoolean({ confirm: 'true' }, 'confirm')).toBe(true)
    expect(optionalBoolean({ confirm: 'false' }, 'confirm')).toBe(false)
    expect(() => optionalBoolean({ confirm: 'yes' }, 'confirm')).toThrow(ApiError)
    expect(optionalEnum({ reason: 'duplicate' }, 'reason', ['duplicate', 'fraudulent'])).toBe('duplicate')
    expect(errorOf(() => optionalEnum({ reason: 'other' }, 'reason', ['duplicate'])).body.param).toBe('reason')
  })
})

describe('readMetadata', () => {
  it('merges updates, deletes keys sent empty, clears on metadata=', () => {
    const current = { a: '1', b: '2' }
    expect(readMetadata({}, current)).toEqual(current)
    expect(readMetadata({ metadata: { b: null, c: '3' } }, current)).toEqual({ a: '1', c: '3' })
    expect(readMetadata({ metadata: null }, current)).toEqual({})
  })

  it('enforces Stripe limits', () => {
    expect(() => readMetadata({ metadata: { ['k'.repeat(41)]: 'v' } })).toThrow(ApiError)
    expect(() => readMetadata({ metadata: { k: 'v'.repeat(501) } })).toThrow(ApiError)
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v']))
    expect(() => readMetadata({ metadata: many })).toThrow(ApiError)
  })
})

describe('range filters', () => {
  it('reads exact values and bounds', () => {
    expect(readRangeFilter({ created: '100' }, 'created')).toEqual({ gte: 100, lte: 100 })
    expect(readRangeFilter({ created: { gt: '5', lte: '9' } }, 'created')).toEqual({ gt: 5, lte: 9 })
    expect(readRangeFilter({}, 'created')).toBeUndefined()
    expect(() => readRangeFilter({ created: { after: '5' } }, 'created')).toThrow(ApiError)
  })

  it('applies bounds', () => {
    expect(inRange(5, { gt: 4, lt: 6 })).toBe(true)
    expect(inRange(5, { gt: 5 })).toBe(false)
    expect(inRange(5, { gte: 5, lte: 5 })).toBe(true)
    expect(inRange(5, undefined)).toBe(true)
  })
})
