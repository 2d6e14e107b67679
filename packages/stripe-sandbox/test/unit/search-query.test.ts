import { describe, expect, it } from 'vitest'
import { ApiError } from '../../src/http/errors'
import {
  assertSearchFields,
  matchesSearch,
  parseSearchQuery,
  type SearchClause,
} from '../../src/resources/search-query'

const ada = { email: 'ada@example.com', name: 'Ada Lovelace', metadata: { order_id: '7' } as Record<string, string> }
const read = (clause: SearchClause) =>
  clause.field === 'metadata'
    ? ada.metadata[clause.metadataKey ?? '']
    : ((ada as Record<string, unknown>)[clause.field] as string)

describe('parseSearchQuery', () => {
  it('parses exact, substring, metadata and negated clauses', () => {
    expect(parseSearchQuery("email:'a@b.c'")).toEqual({
      join: 'AND',
      clauses: [{ field: 'email', op: ':', value: 'a@b.c', negated: false }],
    })
    expect(parseSearchQuery(`name~"Ada" OR metadata['order_id']:'7'`)).toEqual({
      join: 'OR',
      clauses: [
        { field: 'name', op: '~', value: 'Ada', negated: false },
        { field: 'metadata', metadataKey: 'order_id', op: ':', value: '7', negated: false },
      ],
    })
    expect(parseSearchQuery("-email:'x'").clauses[0]?.negated).toBe(true)
  })

  it('keeps AND inside quotes and refuses mixing AND with OR', () => {
    expect(parseSearchQuery("name:'Tom AND Jerry'").clauses[0]?.value).toBe('Tom AND Jerry')
    expect(() => parseSearchQuery("email:'a' AND name:'b' OR name:'c'")).toThrow(ApiError)
    expect(() => parseSearchQuery('email:a')).toThrow(ApiError)
  })
})

describe('matchesSearch', () => {
  it('evaluates clauses case-insensitively', () => {
    expect(matchesSearch(parseSearchQuery("email:'ADA@example.com'"), read)).toBe(true)
    expect(matchesSearch(parseSearchQuery("name~'love' AND metadata['order_id']:'7'"), read)).toBe(true)
    expect(matchesSearch(parseSearchQuery("name~'love' AND metadata['order_id']:'8'"), read)).toBe(false)
    expect(matchesSearch(parseSearchQuery("email:'x@y.z' OR name:'Ada Lovelace'"), read)).toBe(true)
    expect(matchesSearch(parseSearchQuery("-email:'ada@example.com'"), read)).toBe(false)
  })

  it('refuses unsupported fields', () => {
    expect(() => assertSearchFields(parseSearchQuery("created:'1'"), ['email'], 'customers')).toThrow(/unsupported search field/)
  })
})
