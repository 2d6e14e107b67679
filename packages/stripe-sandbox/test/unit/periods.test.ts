import { describe, expect, it } from 'vitest'
import { periodEnd } from '../../src/billing/periods'

const at = (iso: string) => Date.parse(iso) / 1000
const iso = (seconds: number) => new Date(seconds * 1000).toISOString()

describe('periodEnd', () => {
  it('adds days and weeks exactly', () => {
    expect(iso(periodEnd(at('2030-01-01T10:00:00Z'), 'day', 1, 3))).toBe('2030-01-04T10:00:00.000Z')
    expect(iso(periodEnd(at('2030-01-01T10:00:00Z'), 'week', 2, 1))).toBe('2030-01-15T10:00:00.000Z')
  })

  it('clamps month ends and returns to the anchor day', () => {
    const anchor = at('2031-01-31T12:30:00Z')
    expect(iso(periodEnd(anchor, 'month', 1, 1))).toBe('2031-02-28T12:30:00.000Z')
    expect(iso(periodEnd(anchor, 'month', 1, 2))).toBe('2031-03-31T12:30:00.000Z')
    expect(iso(periodEnd(at('2032-01-31T00:00:00Z'), 'month', 1, 1))).toBe('2032-02-29T00:00:00.000Z')
    expect(iso(periodEnd(anchor, 'month', 3, 4))).toBe('2032-01-31T12:30:00.000Z')
  })

  it('handles years and leap days', () => {
    expect(iso(periodEnd(at('2032-02-29T00:00:00Z'), 'year', 1, 1))).toBe('2033-02-28T00:00:00.000Z')
    expect(iso(periodEnd(at('2032-02-29T00:00:00Z'), 'year', 1, 4))).toBe('2036-02-29T00:00:00.000Z')
  })
})
