import { describe, expect, it } from 'vitest'
import {
  BUDGET_BURST,
  BUDGET_INTERVAL_MS,
  FAILURE_MEMORY_MS,
  FREE_FAILURES,
  SEAT_MAX_DELAY_MS,
  nextFailureCount,
  refundBudget,
  seatDelayMs,
  spendBudget,
} from '../../src/main/core/manager/guess-limits'

describe('PIN guess limits', () => {
  it('lets a seat make a few mistakes, then doubles its wait up to a cap', () => {
    for (let n = 1; n <= FREE_FAILURES; n++) expect(seatDelayMs(n)).toBe(0)
    expect(seatDelayMs(FREE_FAILURES + 1)).toBe(1000)
    expect(seatDelayMs(FREE_FAILURES + 2)).toBe(2000)
    expect(seatDelayMs(FREE_FAILURES + 5)).toBe(16_000)
    expect(seatDelayMs(FREE_FAILURES + 40)).toBe(SEAT_MAX_DELAY_MS)
    expect(seatDelayMs(10_000)).toBe(SEAT_MAX_DELAY_MS)
  })

  it('forgets a streak a day after its last mistake', () => {
    expect(nextFailureCount(undefined, 0)).toBe(1)
    expect(nextFailureCount({ failures: 7, lastFailureAt: 1000 }, 1000 + FAILURE_MEMORY_MS - 1)).toBe(8)
    expect(nextFailureCount({ failures: 7, lastFailureAt: 1000 }, 1000 + FAILURE_MEMORY_MS)).toBe(1)
  })

  it('caps wrong guesses over every seat at a burst, then one per interval', () => {
    const now = 10_000_000
    let at: number | undefined
    for (let i = 0; i < BUDGET_BURST; i++) {
      const spent = spendBudget(at, now)
      expect(spent.allowed).toBe(true)
      at = (spent as { theoreticalAt: number }).theoreticalAt
    }
    expect(spendBudget(at, now)).toEqual({ allowed: false, waitMs: BUDGET_INTERVAL_MS })
    expect(spendBudget(at, now + BUDGET_INTERVAL_MS - 1).allowed).toBe(false)
    expect(spendBudget(at, now + BUDGET_INTERVAL_MS).allowed).toBe(true)
    // A right PIN gives its charge back.
    expect(spendBudget(refundBudget(at!), now).allowed).toBe(true)
  })

  it('lets one seat at its own cap spend less than the budget refills, so it alone can never empty it', () => {
    expect(SEAT_MAX_DELAY_MS).toBeGreaterThan(BUDGET_INTERVAL_MS)
    // The ramp to the cap (free mistakes, then 1 s, 2 s, … doubling) fits in the burst.
    let ramp = 0
    while (seatDelayMs(ramp + 1) < SEAT_MAX_DELAY_MS) ramp++
    expect(ramp).toBeLessThan(BUDGET_BURST)
  })
})
