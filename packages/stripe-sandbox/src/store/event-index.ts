// The Events list over `event_index` (db.ts): filters and keyset paging run in SQL on the slim columns,
// newest first by seq, and only the page's rows (+1 for has_more) are joined to their JSON and parsed.

import type { Db } from './db'
import type { SandboxEvent } from './object-types'

export interface CreatedRange {
  gt?: number
  gte?: number
  lt?: number
  lte?: number
}

export interface EventFilter {
  created?: CreatedRange
  /** Exact types and `prefix.*` patterns, any of which may match; none, or `*` among them, means every type. */
  types?: readonly string[]
  /** Extra SQL condition over the index row, aliased `e`; built by code (delivery_success), never from requests. */
  condition?: string
}

/** Keyset position by seq: strictly older than a cursor (`starting_after`) or strictly newer (`ending_before`). */
export type EventCursor = { olderThan: number } | { newerThan: number }

export interface EventPage {
  data: SandboxEvent[]
  has_more: boolean
}

export interface EventIndex {
  /** Indexes an event just inserted as objects row `seq`; call in the same transaction. */
  add(seq: number, event: SandboxEvent): void
  seqOf(id: string): number | undefined
  page(filter: EventFilter, limit: number, cursor?: EventCursor): EventPage
}

/** GLOB treats `*`, `?` and `[` as patterns; a bracket makes each literal. */
function globLiteral(text: string): string {
  return text.replace(/[*?[]/g, (c) => `[${c}]`)
}

/** The earliest lower bound the range puts on created (gt 5 on integers is gte 6). */
function createdFloor(range: CreatedRange | undefined): number | undefined {
  const bounds = [range?.gte, range?.gt === undefined ? undefined : range.gt + 1].filter((b) => b !== undefined)
  return bounds.length > 0 ? Math.max(...bounds) : undefined
}

interface Conditions {
  where: string[]
  params: Array<string | number>
  /** Exactly one exact type: its (type, seq) index entries are the page in order. */
  oneType: boolean
}

function typeConditions(types: readonly string[] | undefined, into: Conditions): void {
  if (!types || types.includes('*')) return
  const exact = types.filter((pattern) => !pattern.endsWith('.*'))
  const prefixes = types.filter((pattern) => pattern.endsWith('.*')).map((pattern) => pattern.slice(0, -1))
  const tests = [
    ...(exact.length > 0 ? [`e.type IN (${exact.map(() => '?').join(', ')})`] : []),
    ...prefixes.map(() => 'e.type GLOB ?'),
  ]
  // An empty list of patterns is one that no type matches.
  into.where.push(tests.length > 0 ? `(${tests.join(' OR ')})` : 'FALSE')
  into.params.push(...exact, ...prefixes.map((prefix) => `${globLiteral(prefix)}*`))
  into.oneType = exact.length === 1 && prefixes.length === 0
}

/** `fromSeq`: no event below it can match the created range (see created_high_water). */
function conditionsFor(filter: EventFilter, fromSeq: number | undefined, cursor: EventCursor | undefined): Conditions {
  const conditions: Conditions = { where: [], params: [], oneType: false }
  const add = (sql: string, param: number) => {
    conditions.where.push(sql)
    conditions.params.push(param)
  }
  if (fromSeq !== undefined) add('e.seq >= ?', fromSeq)
  if (cursor) add('olderThan' in cursor ? 'e.seq < ?' : 'e.seq > ?', 'olderThan' in cursor ? cursor.olderThan : cursor.newerThan)
  for (const [op, sqlOp] of [['gt', '>'], ['gte', '>='], ['lt', '<'], ['lte', '<=']] as const) {
    const bound = filter.created?.[op]
    if (bound !== undefined) add(`e.created ${sqlOp} ?`, bound)
  }
  typeConditions(filter.types, conditions)
  if (filter.condition) conditions.where.push(`(${filter.condition})`)
  return conditions
}

export function createEventIndex(db: Db): EventIndex {
  const insert = db.prepare(
    `INSERT INTO event_index (seq, id, type, created, created_high_water)
     VALUES (?, ?, ?, ?, max(?, coalesce((SELECT max(created_high_water) FROM event_index), 0)))`,
  )
  const selectSeq = db.prepare<[string], number>('SELECT seq FROM event_index WHERE id = ?').pluck()
  const firstAtOrAbove = db
    .prepare<[number], number>(
      'SELECT seq FROM event_index WHERE created_high_water >= ? ORDER BY created_high_water, seq LIMIT 1',
    )
    .pluck()

  return {
    add(seq, event) {
      insert.run(seq, event.id, event.type, event.created, event.created)
    },
    seqOf: (id) => selectSeq.get(id),
    page(filter, limit, cursor) {
      const floor = createdFloor(filter.created)
      // Below the first event whose high water reaches the floor, every event is older than the floor.
      const fromSeq = floor === undefined ? undefined : firstAtOrAbove.get(floor)
      if (floor !== undefined && fromSeq === undefined) return { data: [], has_more: false }
      const { where, params, oneType } = conditionsFor(filter, fromSeq, cursor)
      // One exact type walks its (type, seq) index entries in order: the page and nothing else. Any other
      // filter walks seq itself and skips non-matching rows on the slim columns (NOT INDEXED: the planner
      // would otherwise fetch every match of an IN list through the type index and sort them all).
      const table = oneType ? 'event_index AS e' : 'event_index AS e NOT INDEXED'
      const newerFirst = !(cursor && 'newerThan' in cursor)
      // CROSS JOIN keeps event_index the outer loop, so JSON is read only for rows that passed the filters.
      const rows = db
        .prepare<Array<string | number>, string>(
          `SELECT o.data FROM ${table} CROSS JOIN objects AS o ON o.seq = e.seq
            WHERE ${where.length > 0 ? where.join(' AND ') : 'TRUE'}
            ORDER BY e.seq ${newerFirst ? 'DESC' : 'ASC'} LIMIT ?`,
        )
        .pluck()
        .all(...params, limit + 1)
      const data = rows.slice(0, limit).map((row) => JSON.parse(row) as SandboxEvent)
      // ending_before reads upwards from the cursor; the answer is still newest first.
      return { data: newerFirst ? data : data.reverse(), has_more: rows.length > limit }
    },
  }
}
