// The history area's pure parts: search parsing, day splitting, cursors, driver choice and SQL assembly.
import { describe, expect, it } from 'vitest'
import { AppError } from '../../src/shared/errors'
import { decodeCursor, encodeCursor } from '../../src/main/core/history/cursor'
import { DAY_MS, methodsOf, methodSets, normalizeFilters, parseSearchText, splitByWholeDays, type HistoryQuery } from '../../src/main/core/history/filters'
import { chooseCountDriver, chooseDriver, probesFor, SMALL_SET } from '../../src/main/core/history/plan'
import { armPairs, buildPageQuery, buildRowsSelect, buildTotalsQuery, keyset } from '../../src/main/core/history/query-build'
import { mergeTotals } from '../../src/main/core/history/totals'

const none: HistoryQuery = { statuses: null, methods: null, from: null, to: null, accountId: null, courseId: null, text: null }

describe('search text', () => {
  it('reads order numbers, payment intents and customer fragments', () => {
    expect(parseSearchText('#1234')).toEqual({ kind: 'order', orderId: 1234 })
    expect(parseSearchText(' 77 ')).toEqual({ kind: 'order', orderId: 77 })
    expect(parseSearchText('pi_3Abc_9')).toEqual({ kind: 'intent', intentId: 'pi_3Abc_9' })
    expect(parseSearchText('Smith')).toEqual({ kind: 'customer', pattern: '%Smith%' })
    expect(parseSearchText('   ')).toBeNull()
    expect(parseSearchText(undefined)).toBeNull()
  })

  it('escapes LIKE wildcards so they match themselves', () => {
    expect(parseSearchText('50%_off\\')).toEqual({ kind: 'customer', pattern: '%50\\%\\_off\\\\%' })
  })

  it('maps method filters to the bit sets they allow', () => {
    expect(methodSets('card')).toEqual([1, 3, 5, 7])
    expect(methodSets('cash')).toEqual([2, 3, 6, 7])
    expect(methodSets('both')).toEqual([3, 7])
    expect(methodSets('credit')).toEqual([4, 5, 6, 7])
    expect(methodSets(undefined)).toBeNull()
    expect(methodsOf(3)).toEqual(['card', 'cash'])
    expect(methodsOf(6)).toEqual(['cash', 'credit'])
    expect(methodsOf(0)).toEqual([])
  })

  it('dedupes and sorts statuses', () => {
    expect(normalizeFilters({ statuses: ['refunded', 'pending', 'refunded'] }).statuses).toEqual(['pending', 'refunded'])
  })
})

describe('whole days', () => {
  const day = 20_000
  it('covers a local-midnight range with whole UTC days and two partial edges', () => {
    const from = day * DAY_MS - 3_600_000 // 23:00 UTC the evening before
    const to = (day + 2) * DAY_MS - 3_600_000 - 1
    expect(splitByWholeDays(from, to)).toEqual({
      days: { first: day, last: day },
      edges: [
        { from, to: day * DAY_MS - 1 },
        { from: (day + 1) * DAY_MS, to },
      ],
    })
  })

  it('needs no edges on UTC day bounds, and reads a range inside one day order by order', () => {
    expect(splitByWholeDays(day * DAY_MS, (day + 1) * DAY_MS - 1)).toEqual({ days: { first: day, last: day }, edges: [] })
    const inside = splitByWholeDays(day * DAY_MS + 5, day * DAY_MS + 10)
    expect(inside).toEqual({ days: null, edges: [{ from: day * DAY_MS + 5, to: day * DAY_MS + 10 }] })
  })

  it('leaves open ends open', () => {
    expect(splitByWholeDays(null, null)).toEqual({ days: { first: null, last: null }, edges: [] })
    expect(splitByWholeDays(day * DAY_MS + 1, null)).toEqual({ days: { first: day + 1, last: null }, edges: [{ from: day * DAY_MS + 1, to: (day + 1) * DAY_MS - 1 }] })
  })
})

describe('cursors', () => {
  const sort = { key: 'status', direction: 'asc' } as const
  it('round-trip the last row’s sort values', () => {
    const cursor = encodeCursor(sort, ['refunded', 1_700_000_000_000, 42])
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/)
    expect(decodeCursor(cursor, sort)).toEqual(['refunded', 1_700_000_000_000, 42])
  })

  it('refuse cursors for another sort, forged values and garbage', () => {
    const cursor = encodeCursor(sort, ['refunded', 1, 2])
    expect(() => decodeCursor(cursor, { key: 'status', direction: 'desc' })).toThrow(/another sort order/)
    expect(() => decodeCursor(encodeCursor(sort, ['bogus', 1, 2]), sort)).toThrow(AppError)
    expect(() => decodeCursor(encodeCursor(sort, ['refunded', 1.5, 2]), sort)).toThrow(/not one this till gave out/)
    expect(() => decodeCursor('bm90IGpzb24', sort)).toThrow(/not one this till gave out/)
  })
})

describe('driver choice', () => {
  it('reads date-sorted pages through an index already in date order', () => {
    expect(chooseDriver(none, 'created')).toBe('created')
    expect(chooseDriver({ ...none, statuses: ['pending'] }, 'created')).toBe('arms')
    expect(chooseDriver({ ...none, methods: [3] }, 'created')).toBe('arms')
    expect(chooseDriver({ ...none, courseId: 4, statuses: ['pending'] }, 'created')).toBe('course')
    expect(chooseDriver({ ...none, accountId: 9, courseId: 4 }, 'created')).toBe('account')
    expect(chooseDriver({ ...none, text: { kind: 'order', orderId: 5 } }, 'amount')).toBe('order')
    expect(probesFor({ ...none, courseId: 4 }, 'created')).toEqual([])
  })

  it('reads a small filtered set and sorts it, or walks the sort’s index past non-matches', () => {
    const q = { ...none, courseId: 4, statuses: ['pending' as const], from: 1 }
    expect(probesFor(q, 'customer')).toEqual(['course', 'arms', 'range'])
    expect(chooseDriver(q, 'customer', { course: SMALL_SET, arms: 10, range: 1 })).toBe('course')
    expect(chooseDriver(q, 'customer', { course: SMALL_SET + 1, arms: SMALL_SET + 1, range: 3 })).toBe('created')
    expect(chooseDriver(q, 'customer', { course: SMALL_SET + 1, arms: SMALL_SET + 1, range: SMALL_SET + 1 })).toBe('customer')
    expect(chooseDriver(none, 'status')).toBe('arms')
    expect(chooseDriver(none, 'amount')).toBe('amount')
  })

  it('lists a search’s customers for pages only when they are few, for totals up to the listing cap', () => {
    const few = { ...none, text: { kind: 'customer' as const, pattern: '%a%', ids: [1, 2] } }
    const many = { ...none, text: { kind: 'customer' as const, pattern: '%a%', ids: Array.from({ length: 3000 }, (_, i) => i + 1) } }
    const tooMany = { ...none, text: { kind: 'customer' as const, pattern: '%a%', ids: null } }
    expect(chooseDriver(few, 'created')).toBe('accounts')
    expect(chooseDriver(many, 'created')).toBe('created')
    expect(chooseCountDriver(many)).toBe('accounts')
    expect(chooseCountDriver(tooMany)).toBe('created')
  })
})

describe('SQL assembly', () => {
  const sort = { key: 'customer', direction: 'desc' } as const
  it('binds every user value and whitelists every column', () => {
    const q: HistoryQuery = {
      statuses: ['refunded'],
      methods: [3],
      from: 10,
      to: 20,
      accountId: null,
      courseId: 7,
      text: { kind: 'customer', pattern: "%o'; DROP TABLE account; --%", ids: null },
    }
    const { text, params } = buildPageQuery({ q, driver: 'customer', sort, after: ["O'Brien", 12], limit: 101 })
    expect(text).not.toContain('DROP')
    expect(text).not.toContain("O'Brien")
    expect(params).toContain("%o'; DROP TABLE account; --%")
    expect(params).toContain("O'Brien")
    expect(params.at(-1)).toBe(101)
    expect(text.split('?').length - 1).toBe(params.length)
    expect(text).toContain('WITH matched_accounts')
    expect(text).toContain('INDEXED BY order_history_customer')
  })

  it('compares the whole sort key with the tie-break, in the sort’s direction', () => {
    expect(keyset(sort, ['Ann', 3], 'customer')).toEqual({ text: '(h.customer_name, h.order_id) < (?, ?)', params: ['Ann', 3] })
    expect(keyset({ key: 'created', direction: 'asc' }, [5, 3], 'course').text).toBe('(c.created_at, c.order_id) > (?, ?)')
  })

  it('reads one index range per allowed (status, methods) pair', () => {
    expect(armPairs({ ...none, statuses: ['pending', 'refunded'], methods: [1, 3] })).toEqual([
      ['pending', 1],
      ['pending', 3],
      ['refunded', 1],
      ['refunded', 3],
    ])
    // 7 statuses × 8 method sets (card, cash and credit bits).
    expect(armPairs(none)).toHaveLength(56)
    const { text } = buildRowsSelect({ q: { ...none, statuses: ['pending', 'refunded'] }, driver: 'arms', sort: { key: 'created', direction: 'desc' }, limit: 5 })
    expect(text.match(/UNION ALL/g)).toHaveLength(15)
    expect(text).toMatch(/ORDER BY created_at DESC, order_id DESC LIMIT \?$/)
  })

  it('totals group by currency', () => {
    expect(buildTotalsQuery({ ...none, accountId: 3 }, 'account').text).toMatch(/GROUP BY currency$/)
  })

  it('merges partial totals per currency, never across currencies', () => {
    const merged = mergeTotals([
      { currency: 'JPY', orders: 2, amount: 13600, paid: 6800, refunded: 0 },
      { currency: 'GBP', orders: 1, amount: 4900, paid: 4900, refunded: 100 },
      { currency: 'JPY', orders: 1, amount: 6800, paid: 6800, refunded: 6800 },
      { currency: 'KWD', orders: 0, amount: 0, paid: 0, refunded: 0 },
    ])
    expect(merged).toEqual({
      count: 4,
      currencies: [
        { currency: 'GBP', orders: 1, amount: 4900, paid: 4900, refunded: 100 },
        { currency: 'JPY', orders: 3, amount: 20400, paid: 13600, refunded: 6800 },
      ],
    })
  })
})
