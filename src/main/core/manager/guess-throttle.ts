import type { Db } from '../store/db'
import { sql } from '../store/statements'
import { FAILURE_MEMORY_MS, nextFailureCount, refundBudget, seatDelayMs, spendBudget } from './guess-limits'

export type GuessRefusal = { scope: 'seat' | 'everywhere'; waitMs: number }

/**
 * Reserves one PIN check for `seat`, counting it as wrong before it is known: the check is asynchronous, so
 * concurrent guesses must be charged up front or a burst of them would all pass the same open gate. A right
 * PIN then gives the charge back (settleGuess). Runs in one synchronous transaction, so two reservations never
 * interleave.
 */
export function reserveGuess(db: Db, now: number, person: string, seat: string): { ok: true; failures: number } | { ok: false; refusal: GuessRefusal } {
  return db.transaction(() => {
    sql(db, 'DELETE FROM pin_seat_throttle WHERE person = ? AND last_failure_at < ?').run(person, now - FAILURE_MEMORY_MS)
    const row = sql(db, 'SELECT failures, next_try_at AS nextTryAt, last_failure_at AS lastFailureAt FROM pin_seat_throttle WHERE person = ? AND seat = ?').get(person, seat) as
      | { failures: number; nextTryAt: number; lastFailureAt: number }
      | undefined
    if (row && now < row.nextTryAt) return { ok: false as const, refusal: { scope: 'seat' as const, waitMs: row.nextTryAt - now } }
    const budget = sql(db, 'SELECT theoretical_at FROM pin_guess_budget WHERE person = ?').pluck().get(person) as number | undefined
    const spent = spendBudget(budget, now)
    if (!spent.allowed) return { ok: false as const, refusal: { scope: 'everywhere' as const, waitMs: spent.waitMs } }
    const failures = nextFailureCount(row, now)
    sql(
      db,
      `INSERT INTO pin_seat_throttle (person, seat, failures, next_try_at, last_failure_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (person, seat) DO UPDATE SET failures = excluded.failures, next_try_at = excluded.next_try_at, last_failure_at = excluded.last_failure_at`,
    ).run(person, seat, failures, now + seatDelayMs(failures), now)
    sql(db, 'INSERT INTO pin_guess_budget (person, theoretical_at) VALUES (?, ?) ON CONFLICT (person) DO UPDATE SET theoretical_at = excluded.theoretical_at').run(
      person,
      spent.theoreticalAt,
    )
    return { ok: true as const, failures }
  })()
}

/** After the check: a right PIN clears the seat's streak and refunds the budget; a wrong one stays charged. */
export function settleGuess(db: Db, person: string, seat: string, right: boolean): void {
  if (!right) return
  db.transaction(() => {
    sql(db, 'DELETE FROM pin_seat_throttle WHERE person = ? AND seat = ?').run(person, seat)
    const budget = sql(db, 'SELECT theoretical_at FROM pin_guess_budget WHERE person = ?').pluck().get(person) as number | undefined
    if (budget !== undefined) sql(db, 'UPDATE pin_guess_budget SET theoretical_at = ? WHERE person = ?').run(refundBudget(budget), person)
  })()
}
