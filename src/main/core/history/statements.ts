import type { Statement } from 'better-sqlite3'
import type { Db } from '../store/db'

// History queries are assembled per filter combination, so their texts are many: keep the recently used ones
// compiled (paging through one list reuses one statement) without letting the cache grow with every combination.
const MAX_STATEMENTS = 64
const caches = new WeakMap<Db, Map<string, Statement>>()

export function historyStatement(db: Db, text: string): Statement {
  let cache = caches.get(db)
  if (!cache) {
    cache = new Map()
    caches.set(db, cache)
  }
  let statement = cache.get(text)
  if (statement) {
    cache.delete(text)
  } else {
    statement = db.prepare(text)
    if (cache.size >= MAX_STATEMENTS) cache.delete(cache.keys().next().value as string)
  }
  cache.set(text, statement)
  return statement
}
