// JSON documents in one table, ordered by insertion (`seq`) so lists can be newest first even when
// several objects share the same `created` second.

import type Database from 'better-sqlite3'
import type { Db } from './db'
import { createEventIndex, type EventIndex } from './event-index'
import type { ObjectType, SandboxEvent, SandboxObjects, StripeObject } from './object-types'

export interface ObjectStore {
  insert<K extends ObjectType>(type: K, object: SandboxObjects[K]): SandboxObjects[K]
  update<K extends ObjectType>(type: K, object: SandboxObjects[K]): SandboxObjects[K]
  get<K extends ObjectType>(type: K, id: string): SandboxObjects[K] | undefined
  remove(type: ObjectType, id: string): void
  /** Any object by id, whatever its type (ids are unique across types); used by expand. */
  getAny(id: string): StripeObject | undefined
  /** Newest first; `where` compares one top-level JSON field for equality (indexed per type in db.ts). */
  list<K extends ObjectType>(type: K, where?: { field: string; value: string | number }): SandboxObjects[K][]
  /** Events' own list, which filters and pages in SQL (events are the collection that grows without bound). */
  events: Pick<EventIndex, 'seqOf' | 'page'>
  setPrivate(ownerId: string, key: string, value: unknown): void
  getPrivate<T>(ownerId: string, key: string): T | undefined
}

const FIELD_NAME = /^[a-z_]+$/
const TYPE_NAME = /^[a-z_.]+$/

export function createObjectStore(db: Db): ObjectStore {
  const insertRow = db.prepare('INSERT INTO objects (id, type, data) VALUES (?, ?, ?)')
  const updateRow = db.prepare('UPDATE objects SET data = ? WHERE id = ? AND type = ?')
  const deleteRow = db.prepare('DELETE FROM objects WHERE id = ? AND type = ?')
  const selectById = db.prepare<[string], { type: string; data: string }>('SELECT type, data FROM objects WHERE id = ?')
  const selectByType = db.prepare<[string], { data: string }>('SELECT data FROM objects WHERE type = ? ORDER BY seq DESC')
  const upsertPrivate = db.prepare(
    'INSERT INTO private_data (owner_id, key, data) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET data = excluded.data',
  )
  const selectPrivate = db.prepare<[string, string], { data: string }>(
    'SELECT data FROM private_data WHERE owner_id = ? AND key = ?',
  )
  const events = createEventIndex(db)
  // The event and its index row land together or not at all (a savepoint inside a request's transaction).
  const insertEvent = db.transaction((event: SandboxEvent) => {
    events.add(Number(insertRow.run(event.id, 'event', JSON.stringify(event)).lastInsertRowid), event)
  })
  const byField = new Map<string, Database.Statement<[string | number], string>>()

  return {
    insert(type, object) {
      if (type === 'event') insertEvent(object as SandboxEvent)
      else insertRow.run(object.id, type, JSON.stringify(object))
      return object
    },
    update(type, object) {
      // Events are snapshots; changing one would leave its index row (and later high waters) stale.
      if (type === 'event') throw new Error(`events are immutable (${object.id})`)
      const changed = updateRow.run(JSON.stringify(object), object.id, type).changes
      if (changed !== 1) throw new Error(`update of unknown ${type} ${object.id}`)
      return object
    },
    get(type, id) {
      const row = selectById.get(id)
      return row && row.type === type ? JSON.parse(row.data) : undefined
    },
    remove(type, id) {
      deleteRow.run(id, type)
    },
    getAny(id) {
      const row = selectById.get(id)
      return row ? (JSON.parse(row.data) as StripeObject) : undefined
    },
    list(type, where) {
      if (!where) return selectByType.all(type).map((row) => JSON.parse(row.data))
      // Field and type names come from code, never from requests; the checks keep it that way. The type is
      // written into the SQL rather than bound so that SQLite can pick the partial index for (type, field).
      if (!FIELD_NAME.test(where.field) || !TYPE_NAME.test(type)) throw new Error(`bad list filter ${type}.${where.field}`)
      const key = `${type} ${where.field}`
      let select = byField.get(key)
      if (!select) {
        select = db
          .prepare<[string | number], string>(
            `SELECT data FROM objects WHERE type = '${type}' AND json_extract(data, '$.${where.field}') = ? ORDER BY seq DESC`,
          )
          .pluck()
        byField.set(key, select)
      }
      return select.all(where.value).map((data) => JSON.parse(data))
    },
    events,
    setPrivate(ownerId, key, value) {
      upsertPrivate.run(ownerId, key, JSON.stringify(value))
    },
    getPrivate<T>(ownerId: string, key: string) {
      const row = selectPrivate.get(ownerId, key)
      return row ? (JSON.parse(row.data) as T) : undefined
    },
  }
}
