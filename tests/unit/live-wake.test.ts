import { afterEach, describe, expect, it, vi } from 'vitest'
import { revealsSleep, shouldActOnWake, watchForSleep } from '../../src/main/core/connection/wake'

describe('sleep detection by timer drift', () => {
  afterEach(() => vi.useRealTimers())

  it('a tick far later than scheduled reveals a sleep; a little late is just a busy loop', () => {
    expect(revealsSleep(1_000, 1_500, 60_000)).toBe(false)
    expect(revealsSleep(1_000, 61_000, 60_000)).toBe(false)
    expect(revealsSleep(1_000, 61_001, 60_000)).toBe(true)
    expect(revealsSleep(1_000, 3_600_000, 60_000)).toBe(true)
  })

  it('calls onWake once per sleep with how long it slept', () => {
    vi.useFakeTimers()
    const clock = { now: 0 }
    const wakes: number[] = []
    const stop = watchForSleep((slept) => wakes.push(slept), { tickMs: 1000, toleranceMs: 5000, now: () => clock.now })
    for (let i = 1; i <= 3; i++) {
      clock.now = i * 1000
      vi.advanceTimersByTime(1000)
    }
    expect(wakes).toEqual([])
    // The machine sleeps: the next tick's clock is 10 minutes on.
    clock.now = 3000 + 600_000
    vi.advanceTimersByTime(1000)
    expect(wakes).toEqual([599_000])
    clock.now += 1000
    vi.advanceTimersByTime(1000)
    expect(wakes).toHaveLength(1)
    stop()
  })

  it('acts on the first of several signals arriving together', () => {
    expect(shouldActOnWake(null, 5)).toBe(true)
    expect(shouldActOnWake(1_000, 5_000)).toBe(false)
    expect(shouldActOnWake(1_000, 11_000)).toBe(true)
  })
})
