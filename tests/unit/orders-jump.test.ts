import { describe, expect, it } from 'vitest'
import { jumpToDate } from '../../src/shared/order-jump'

describe('go to a date in Orders', () => {
  it('newest first: starts at the end of that day and goes back', () => {
    expect(jumpToDate('2026-03-12', { key: 'created', direction: 'desc' })).toEqual({ from: '', to: '2026-03-12', sort: { key: 'created', direction: 'desc' } })
  })
  it('oldest first: starts at the beginning of that day and goes forward', () => {
    expect(jumpToDate('2026-03-12', { key: 'created', direction: 'asc' })).toEqual({ from: '2026-03-12', to: '', sort: { key: 'created', direction: 'asc' } })
  })
  it('a list sorted by something else is sorted by date, newest first', () => {
    expect(jumpToDate('2026-03-12', { key: 'amount', direction: 'asc' }).sort).toEqual({ key: 'created', direction: 'desc' })
  })
})
