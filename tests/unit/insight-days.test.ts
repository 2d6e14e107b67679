import { describe, expect, it } from 'vitest'
import { dayRanges, localDay, startOfDay, zoneOffset } from '../../src/main/core/insight/days'

const HOUR = 3_600_000

describe('days in a time zone', () => {
  it('starts a London day at midnight GMT in winter and 23:00 UTC the day before in summer', () => {
    expect(startOfDay('2026-01-15', 'Europe/London')).toBe(Date.UTC(2026, 0, 15))
    expect(startOfDay('2026-07-15', 'Europe/London')).toBe(Date.UTC(2026, 6, 14, 23))
    expect(zoneOffset(Date.UTC(2026, 6, 15, 12), 'Europe/London')).toBe(HOUR)
  })

  it('makes the daylight-saving days 23 and 25 hours long, every day ending where the next starts', () => {
    const spring = dayRanges('2026-03-28', '2026-03-30', 'Europe/London')
    expect(spring.map((d) => (d.end - d.start) / HOUR)).toEqual([24, 23, 24])
    const autumn = dayRanges('2026-10-24', '2026-10-26', 'Europe/London')
    expect(autumn.map((d) => (d.end - d.start) / HOUR)).toEqual([24, 25, 24])
    for (const [a, b] of [spring, autumn].flatMap((r) => r.slice(1).map((d, i) => [r[i]!, d] as const))) expect(b.start).toBe(a.end)
  })

  it('starts a day at 01:00 where the clock jumps over midnight (Santiago, September 2026)', () => {
    const start = startOfDay('2026-09-06', 'America/Santiago')
    expect(localDay(start, 'America/Santiago')).toBe('2026-09-06')
    expect(localDay(start - 1, 'America/Santiago')).toBe('2026-09-05')
    expect(new Intl.DateTimeFormat('en-GB', { timeZone: 'America/Santiago', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(start)).toBe('01:00')
  })

  it('handles zones far from UTC and with half hours', () => {
    expect(startOfDay('2026-11-21', 'Asia/Tokyo')).toBe(Date.UTC(2026, 10, 20, 15))
    expect(startOfDay('2026-11-21', 'Asia/Kolkata')).toBe(Date.UTC(2026, 10, 20, 18, 30))
    expect(startOfDay('2026-11-21', 'Pacific/Kiritimati')).toBe(Date.UTC(2026, 10, 20, 10))
    expect(startOfDay('2026-11-21', 'Pacific/Pago_Pago')).toBe(Date.UTC(2026, 10, 21, 11))
    expect(localDay(Date.UTC(2026, 10, 20, 15), 'Asia/Tokyo')).toBe('2026-11-21')
  })

  it('lists every day of a period, across a month and a year end', () => {
    const days = dayRanges('2026-12-30', '2027-01-02', 'UTC')
    expect(days.map((d) => d.day)).toEqual(['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02'])
    expect(dayRanges('2028-02-28', '2028-03-01', 'UTC').map((d) => d.day)).toEqual(['2028-02-28', '2028-02-29', '2028-03-01'])
  })
})
