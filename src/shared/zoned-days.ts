// Calendar days in an IANA time zone, as unix-millisecond ranges: what reports bucket money by.
// A day is [its first instant, the next day's first instant): 23 or 25 hours across a daylight-saving change,
// and it may start at 01:00 where a zone jumps over midnight.
import { addDays } from './insight'

const formatters = new Map<string, Intl.DateTimeFormat>()

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
    formatters.set(timeZone, formatter)
  }
  return formatter
}

function wallClock(at: number, timeZone: string) {
  const parts: Record<string, number> = {}
  for (const part of partsFormatter(timeZone).formatToParts(new Date(at))) if (part.type !== 'literal') parts[part.type] = Number(part.value)
  return parts as { year: number; month: number; day: number; hour: number; minute: number; second: number }
}

/** The zone's calendar date at instant `at`, YYYY-MM-DD. */
export function localDay(at: number, timeZone: string): string {
  const { year, month, day } = wallClock(at, timeZone)
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** How far the zone's wall clock is ahead of UTC at instant `at`, in ms. */
export function zoneOffset(at: number, timeZone: string): number {
  const wall = wallClock(at, timeZone)
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second)
  return asUtc - Math.floor(at / 1000) * 1000
}

const HOUR = 3_600_000

/** The first instant of `day` in the zone. */
export function startOfDay(day: string, timeZone: string): number {
  const midnightUtc = Date.parse(`${day}T00:00:00Z`)
  // Two passes: the offset at a first guess, then at the guess it gives (they differ only near a change).
  const guess = midnightUtc - zoneOffset(midnightUtc, timeZone)
  const start = midnightUtc - zoneOffset(guess, timeZone)
  if (localDay(start, timeZone) === day && localDay(start - 1, timeZone) < day) return start
  // Midnight does not exist (the clock jumps over it) or happens twice: find the day's first instant.
  let before = start - 3 * HOUR
  let inside = start + 3 * HOUR
  while (inside - before > 1) {
    const middle = Math.floor((before + inside) / 2)
    if (localDay(middle, timeZone) >= day) inside = middle
    else before = middle
  }
  return inside
}

export interface DayRange {
  day: string
  /** Inclusive, unix ms. */
  start: number
  /** Exclusive: the next day's start. */
  end: number
}

/** Every day from `from` to `to` (both included) with its instants in the zone. */
export function dayRanges(from: string, to: string, timeZone: string): DayRange[] {
  const ranges: DayRange[] = []
  let start = startOfDay(from, timeZone)
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const end = startOfDay(addDays(day, 1), timeZone)
    ranges.push({ day, start, end })
    start = end
  }
  return ranges
}

/**
 * ISO-8601 with the zone's offset at that instant, to the second: 2026-07-01T19:12:05+01:00. A person reads the
 * shop's wall clock; a machine still gets the exact instant.
 */
export function zonedIso(at: number, timeZone: string): string {
  const offset = zoneOffset(at, timeZone)
  const wall = new Date(Math.floor(at / 1000) * 1000 + offset).toISOString().slice(0, 19)
  const minutes = Math.round(Math.abs(offset) / 60_000)
  const sign = offset < 0 ? '-' : '+'
  return `${wall}${sign}${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
}
