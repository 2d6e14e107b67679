import { describe, expect, it } from 'vitest'
import { ApiError } from '../../src/http/errors'
import { paginate, readPageRequest } from '../../src/http/paging'

// Newest first, as the store returns them: i9 … i0.
const items = Array.from({ length: 10 }, (_, i) => ({ id: `i${9 - i}` }))
const ids = (page: { data: { id: string }[] }) => page.data.map((item) => item.id)

describe('readPageRequest', () => {
  it('defaults limit to 10 and bounds it to 1..100', () => {
    expect(readPageRequest({})).toEqual({ limit: 10 })
    expect(readPageRequest({ limit: '100' }).limit).toBe(100)
    expect(() => readPageRequest({ limit: '101' })).toThrow(ApiError)
    expect(() => readPageRequest({ limit: '0' })).toThrow(ApiError)
  })

  it('refuses both cursors at once', () => {
    expect(() => readPageRequest({ starting_after: 'a', ending_before: 'b' })).toThrow(ApiError)
  })
})

describe('paginate', () => {
  it('takes the newest first and reports has_more', () => {
    const page = paginate(items, { limit: 3 })
    expect(ids(page)).toEqual(['i9', 'i8', 'i7'])
    expect(page.has_more).toBe(true)
    expect(paginate(items, { limit: 10 }).has_more).toBe(false)
  })

  it('continues after a cursor until the end', () => {
    const page = paginate(items, { limit: 3, startingAfter: 'i3' })
    expect(ids(page)).toEqual(['i2', 'i1', 'i0'])
    expect(page.has_more).toBe(false)
  })

  it('pages backwards with ending_before', () => {
    const page = paginate(items, { limit: 3, endingBefore: 'i2' })
    expect(ids(page)).toEqual(['i5', 'i4', 'i3'])
    expect(page.has_more).toBe(true)
    const first = paginate(items, { limit: 3, endingBefore: 'i7' })
    expect(ids(first)).toEqual(['i9', 'i8'])
    expect(first.has_more).toBe(false)
  })

  it('answers an unknown cursor with resource_missing', () => {
    try {
      paginate(items, { limit: 3, startingAfter: 'nope' }, 'event')
      expect.unreachable()
    } catch (error) {
      expect((error as ApiError).body).toMatchObject({
        code: 'resource_missing',
        param: 'starting_after',
        message: "No such event: 'nope'",
      })
    }
  })
})
