import { describe, expect, it } from 'vitest'
import { jumpTo } from '../../src/renderer/src/screens/orders/list/JumpToDate'
import { EMPTY_FORM } from '../../src/renderer/src/screens/orders/list/filters-form'

describe('jump to a date in Orders', () => {
  const form = { ...EMPTY_FORM, statuses: ['successful' as const], from: '2026-01-01', to: '2026-12-31' }
  it('newest first: starts at the end of that day and goes back, other filters kept', () => {
    expect(jumpTo('2026-03-12', form, { key: 'created', direction: 'desc' })).toEqual({
      form: { ...form, from: '', to: '2026-03-12' },
      sort: { key: 'created', direction: 'desc' },
    })
  })
  it('oldest first: starts at the beginning of that day and goes forward', () => {
    expect(jumpTo('2026-03-12', form, { key: 'created', direction: 'asc' })).toEqual({
      form: { ...form, from: '2026-03-12', to: '' },
      sort: { key: 'created', direction: 'asc' },
    })
  })
  it('a list sorted by something else is sorted by date, newest first', () => {
    expect(jumpTo('2026-03-12', EMPTY_FORM, { key: 'amount', direction: 'asc' }).sort).toEqual({ key: 'created', direction: 'desc' })
  })
})
