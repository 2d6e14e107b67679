// A subset of Stripe's Search Query Language: `email:'a@b.c'`, `name~'Ada'` (substring),
// `metadata['order_id']:'7'`, `-email:'x'` (negation), clauses joined by all-AND or all-OR.

import { invalidRequest } from '../http/errors'

export interface SearchClause {
  field: string
  /** Set for `metadata['key']` clauses. */
  metadataKey?: string
  op: ':' | '~'
  value: string
  negated: boolean
}

export interface SearchQuery {
  join: 'AND' | 'OR'
  clauses: SearchClause[]
}

const CLAUSE = /^\s*(-?)([a-z_]+)(?:\[(['"])(.*?)\3\])?\s*([:~])\s*(['"])(.*?)\6\s*$/

function parseClause(text: string, query: string): SearchClause {
  const match = CLAUSE.exec(text)
  if (!match) throw invalidRequest(`Invalid search query: ${query}`, { param: 'query' })
  const [, minus, field = '', , metadataKey, op, , value = ''] = match
  return { field, ...(metadataKey !== undefined ? { metadataKey } : {}), op: op as ':' | '~', value, negated: minus === '-' }
}

/** Splits on AND / OR outside quotes; mixing both in one query is rejected, as Stripe does. */
export function parseSearchQuery(query: string): SearchQuery {
  const parts: string[] = []
  const joins = new Set<'AND' | 'OR'>()
  let current = ''
  let quote: string | undefined
  const words = query.split(/(\s+)/)
  for (const word of words) {
    if (quote === undefined && (word === 'AND' || word === 'OR')) {
      joins.add(word)
      parts.push(current)
      current = ''
      continue
    }
    for (const char of word) {
      if (quote === undefined && (char === "'" || char === '"')) quote = char
      else if (char === quote) quote = undefined
    }
    current += word
  }
  parts.push(current)
  if (joins.size > 1) throw invalidRequest('Search queries cannot mix AND and OR.', { param: 'query' })
  if (parts.some((part) => part.trim() === '')) throw invalidRequest(`Invalid search query: ${query}`, { param: 'query' })
  return { join: joins.has('OR') ? 'OR' : 'AND', clauses: parts.map((part) => parseClause(part, query)) }
}

export type FieldReader = (clause: SearchClause) => string | null | undefined

function clauseHolds(clause: SearchClause, read: FieldReader): boolean {
  const actual = read(clause)
  const holds =
    actual !== null &&
    actual !== undefined &&
    (clause.op === ':'
      ? actual.toLowerCase() === clause.value.toLowerCase()
      : actual.toLowerCase().includes(clause.value.toLowerCase()))
  return clause.negated ? !holds : holds
}

export function matchesSearch(query: SearchQuery, read: FieldReader): boolean {
  return query.join === 'AND' ? query.clauses.every((c) => clauseHolds(c, read)) : query.clauses.some((c) => clauseHolds(c, read))
}

/** Rejects fields the resource cannot be searched by, with Stripe's wording. */
export function assertSearchFields(query: SearchQuery, allowed: readonly string[], resource: string): void {
  for (const clause of query.clauses) {
    if (!allowed.includes(clause.field)) {
      throw invalidRequest(`Field \`${clause.field}\` is an unsupported search field for resource \`${resource}\`.`, {
        param: 'query',
      })
    }
    if (clause.field === 'metadata' && clause.metadataKey === undefined) {
      throw invalidRequest(`Invalid search query: metadata needs a key, e.g. metadata['order_id']:'7'.`, { param: 'query' })
    }
  }
}
