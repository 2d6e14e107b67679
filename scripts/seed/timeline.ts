import { weightedPicker, type Random } from './random'

export const DAY_MS = 86_400_000
export const HOUR_MS = 3_600_000
export const HISTORY_DAYS = 730

// Shape of a small course shop's trade. Days and hours are UTC so the same seed gives the same store in every time zone.
const WEEKDAY_WEIGHTS = [0.55, 1.0, 1.05, 1.05, 1.0, 0.9, 0.7] // Sunday first, like Date#getUTCDay
const MONTH_WEIGHTS = [1.25, 1.05, 1.0, 0.95, 0.9, 0.85, 0.8, 0.75, 1.1, 1.05, 1.15, 0.8] // New Year resolutions, summer lull
const HOUR_WEIGHTS = [
  0.05, 0.03, 0.02, 0.02, 0.03, 0.08, 0.2, 0.45, 0.8, 1.0, 1.1, 1.15, 1.2, 1.15, 1.1, 1.05, 1.0, 0.95, 0.9, 0.85, 0.7, 0.5,
  0.3, 0.12,
]

export interface HistoryWindow {
  /** Midnight (UTC) starting the first day of history. */
  start: number
  /** Nothing in the store happens after this instant. */
  now: number
}

export function historyWindow(now: number): HistoryWindow {
  const today = now - (now % DAY_MS)
  return { start: today - (HISTORY_DAYS - 1) * DAY_MS, now }
}

/**
 * `count` instants inside the window, ascending, denser on weekdays, in daytime and as the shop grows.
 * Ascending matters: orders are numbered in time order, as the till would have numbered them.
 */
export function busyTimes(rng: Random, count: number, window: HistoryWindow): Float64Array {
  const pickDay = weightedPicker(
    Array.from({ length: HISTORY_DAYS }, (_, day) => {
      const date = new Date(window.start + day * DAY_MS)
      const growth = 0.7 + (0.6 * day) / HISTORY_DAYS
      const weight = growth * WEEKDAY_WEIGHTS[date.getUTCDay()] * MONTH_WEIGHTS[date.getUTCMonth()]
      return [day, weight] as const
    }),
  )
  const pickHour = weightedPicker(HOUR_WEIGHTS.map((weight, hour) => [hour, weight] as const))
  const times = new Float64Array(count)
  for (let i = 0; i < count; i++) {
    let at: number
    // Today is only partly over: an instant after `now` is drawn again rather than clamped, which would pile orders on `now`.
    do at = window.start + pickDay(rng) * DAY_MS + pickHour(rng) * HOUR_MS + rng.int(0, HOUR_MS - 1)
    while (at > window.now)
    times[i] = at
  }
  return times.sort()
}

/** An instant `minMs`–`maxMs` after `from`, but never in the future. */
export function later(rng: Random, now: number, from: number, minMs: number, maxMs: number): number {
  return Math.min(now, from + rng.int(minMs, maxMs))
}
