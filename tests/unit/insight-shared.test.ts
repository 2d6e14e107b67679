import { describe, expect, it } from 'vitest'
import { addDays, daysInPeriod, isIsoDay, isTimeZone, niceScale, presetPeriod, refundableLeft } from '../../src/shared/insight'

describe('calendar days', () => {
  it('accepts only real YYYY-MM-DD dates', () => {
    expect(isIsoDay('2026-02-28')).toBe(true)
    expect(isIsoDay('2028-02-29')).toBe(true)
    for (const bad of ['2026-02-29', '2026-13-01', '2026-1-01', '26-01-01', '2026-01-01T00:00', '', 'today']) expect(isIsoDay(bad)).toBe(false)
  })

  it('adds days across months, years and leap days', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29')
    expect(addDays('2026-11-21', -89)).toBe('2026-08-24')
    expect(() => addDays('2026-02-30', 1)).toThrow(/not a YYYY-MM-DD/)
  })

  it('counts the days of a period with both ends included', () => {
    expect(daysInPeriod('2026-11-21', '2026-11-21')).toBe(1)
    expect(daysInPeriod('2026-01-01', '2026-12-31')).toBe(365)
    expect(daysInPeriod('2026-11-22', '2026-11-21')).toBe(0)
  })

  it('builds the presets from today', () => {
    expect(presetPeriod('last7', '2026-11-21')).toEqual({ from: '2026-11-15', to: '2026-11-21' })
    expect(presetPeriod('last30', '2026-03-01')).toEqual({ from: '2026-01-31', to: '2026-03-01' })
    expect(daysInPeriod(presetPeriod('last90', '2026-11-21').from, '2026-11-21')).toBe(90)
    expect(presetPeriod('thisMonth', '2026-11-21')).toEqual({ from: '2026-11-01', to: '2026-11-21' })
  })

  it('knows IANA zones', () => {
    expect(isTimeZone('Europe/London')).toBe(true)
    expect(isTimeZone('UTC')).toBe(true)
    expect(isTimeZone('Mars/Olympus')).toBe(false)
    expect(isTimeZone('')).toBe(false)
  })
})

describe('what is left to refund', () => {
  const payment = { id: 7, status: 'succeeded' as const, amountReceived: 8800 }
  it('subtracts refunds that hold money (pending, requires_action, succeeded) on that payment only', () => {
    const refunds = [
      { paymentId: 7, status: 'succeeded' as const, amount: 1000 },
      { paymentId: 7, status: 'pending' as const, amount: 500 },
      { paymentId: 7, status: 'failed' as const, amount: 3000 },
      { paymentId: 7, status: 'canceled' as const, amount: 3000 },
      { paymentId: 8, status: 'succeeded' as const, amount: 2000 },
    ]
    expect(refundableLeft(payment, refunds)).toBe(7300)
  })
  it('is zero for a payment that did not succeed, and never negative', () => {
    expect(refundableLeft({ ...payment, status: 'failed' }, [])).toBe(0)
    expect(refundableLeft(payment, [{ paymentId: 7, status: 'succeeded', amount: 9000 }])).toBe(0)
  })
})

describe('chart scales', () => {
  it('rounds the top up to a 1, 2 or 5 step and lists the ticks from zero', () => {
    expect(niceScale(8800)).toEqual({ min: 0, max: 10000, step: 2000, ticks: [0, 2000, 4000, 6000, 8000, 10000] })
    expect(niceScale(6800)).toEqual({ min: 0, max: 8000, step: 2000, ticks: [0, 2000, 4000, 6000, 8000] })
    expect(niceScale(15000).max).toBe(15000)
    expect(niceScale(1).ticks).toEqual([0, 1])
  })

  it('extends below zero by whole steps for refunds, with one step for both sides', () => {
    expect(niceScale(8800, 1000)).toEqual({ min: -5000, max: 10000, step: 5000, ticks: [-5000, 0, 5000, 10000] })
    expect(niceScale(8000, 1000, 6)).toEqual({ min: -2000, max: 8000, step: 2000, ticks: [-2000, 0, 2000, 4000, 6000, 8000] })
    expect(niceScale(0, 4900)).toEqual({ min: -5000, max: 0, step: 1000, ticks: [-5000, -4000, -3000, -2000, -1000, 0] })
  })

  it('keeps whole minor units for tiny amounts, and an axis even when everything is zero', () => {
    expect(niceScale(3)).toEqual({ min: 0, max: 3, step: 1, ticks: [0, 1, 2, 3] })
    expect(niceScale(0)).toEqual({ min: 0, max: 1, step: 1, ticks: [0, 1] })
    for (const [up, down] of [[7, 0], [99, 3], [101, 100], [12345, 0], [987654321, 12345678], [1, 1]] as const) {
      const scale = niceScale(up, down)
      expect(scale.max).toBeGreaterThanOrEqual(up)
      expect(-scale.min).toBeGreaterThanOrEqual(down)
      expect(scale.ticks.length).toBeLessThanOrEqual(6)
      expect(scale.ticks).toContain(0)
      expect(scale.ticks.every(Number.isSafeInteger)).toBe(true)
    }
  })
})
