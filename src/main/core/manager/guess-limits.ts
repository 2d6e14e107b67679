// The arithmetic of PIN throttling, kept pure so each rule is tested on its own (tests/unit/pin-limits.test.ts).
//
// Two limits, both persisted (store/migrations/006-pin-throttle.ts) so a restart resets neither:
// - per seat (where the guesses come from): a few free mistakes, then a wait that doubles up to SEAT_MAX_DELAY_MS.
//   A seat's mistakes slow that seat only, so a hostile seat cannot lock the manager out at another one.
// - per person, over every seat (the global ceiling): a budget of wrong guesses that refills slowly. It is what
//   caps guessing when seats multiply (new browser profiles) or the till is restarted in a loop. One seat at its
//   own cap spends less than the refill, so one seat alone can never empty it for everyone else.

export const FREE_FAILURES = 3
export const SEAT_MAX_DELAY_MS = 10 * 60_000
/** A seat's count of wrong PINs is forgotten a day after its last one. */
export const FAILURE_MEMORY_MS = 24 * 60 * 60_000
/** The global ceiling: one wrong guess per interval on average, with a burst of BUDGET_BURST. */
export const BUDGET_INTERVAL_MS = 150_000
export const BUDGET_BURST = 30

/** The wait a seat must observe after its n-th wrong PIN in a row: 0 for the first few, then 1 s doubling to the cap. */
export function seatDelayMs(failures: number): number {
  if (failures <= FREE_FAILURES) return 0
  return Math.min(SEAT_MAX_DELAY_MS, 1000 * 2 ** Math.min(30, failures - FREE_FAILURES - 1))
}

/** Wrong PINs in a row for a seat, a new one included: an old streak (a day quiet) starts again from one. */
export function nextFailureCount(previous: { failures: number; lastFailureAt: number } | undefined, now: number): number {
  if (!previous || now - previous.lastFailureAt >= FAILURE_MEMORY_MS) return 1
  return previous.failures + 1
}

/**
 * The global budget as a generic cell rate algorithm: one timestamp (when the budget would be full again at
 * the refill rate) instead of a counter and a clock. Spending moves it on by one interval; a guess is allowed
 * while it stays within BUDGET_BURST intervals of now.
 */
export function spendBudget(theoreticalAt: number | undefined, now: number): { allowed: true; theoreticalAt: number } | { allowed: false; waitMs: number } {
  const next = Math.max(theoreticalAt ?? 0, now) + BUDGET_INTERVAL_MS
  const limit = now + BUDGET_BURST * BUDGET_INTERVAL_MS
  if (next > limit) return { allowed: false, waitMs: next - limit }
  return { allowed: true, theoreticalAt: next }
}

/** A right PIN gives back what its check spent: the manager's own unlocks never eat into the ceiling. */
export function refundBudget(theoreticalAt: number): number {
  return theoreticalAt - BUDGET_INTERVAL_MS
}
