// Stripe's idempotency: the same Idempotency-Key with the same endpoint and parameters replays the first
// response; anything else under that key is a 400 idempotency_error. Keys are kept for 24 hours.

import type { Db } from '../store/db'
import { idempotencyError } from './errors'
import type { FormValue } from './form'

export interface SavedResponse {
  status: number
  body: string
  requestId: string
}

interface Row {
  endpoint: string
  fingerprint: string
  status: number
  body: string
  request_id: string
}

const KEY_LIFETIME_SECONDS = 24 * 60 * 60
export const MAX_KEY_LENGTH = 255

/** Key-order-independent serialization, so `a=1&b=2` and `b=2&a=1` are the same request. */
export function canonicalJson(value: FormValue): string {
  if (value === null || typeof value === 'string') return JSON.stringify(value)
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  const keys = Object.keys(value).sort()
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key] as FormValue)}`).join(',')}}`
}

/** The saved response to replay for this key, undefined for a new key; throws on a mismatched reuse. */
export function replayFor(saved: Row | undefined, key: string, endpoint: string, fingerprint: string): SavedResponse | undefined {
  if (!saved) return undefined
  if (saved.endpoint !== endpoint) {
    throw idempotencyError(
      `Keys for idempotent requests can only be used for the same endpoint they were first used for ('${saved.endpoint}' vs '${endpoint}'). Try using a key other than '${key}' if you meant to execute a different request.`,
    )
  }
  if (saved.fingerprint !== fingerprint) {
    throw idempotencyError(
      `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
    )
  }
  return { status: saved.status, body: saved.body, requestId: saved.request_id }
}

export interface IdempotencyStore {
  lookup(key: string, endpoint: string, fingerprint: string, nowSeconds: number): SavedResponse | undefined
  save(key: string, endpoint: string, fingerprint: string, response: SavedResponse, nowSeconds: number): void
}

export function createIdempotencyStore(db: Db): IdempotencyStore {
  const select = db.prepare<[string, number], Row>(
    'SELECT endpoint, fingerprint, status, body, request_id FROM idempotency_keys WHERE key = ? AND created > ?',
  )
  const prune = db.prepare('DELETE FROM idempotency_keys WHERE created <= ?')
  const insert = db.prepare(
    'INSERT OR REPLACE INTO idempotency_keys (key, endpoint, fingerprint, status, body, request_id, created) VALUES (?, ?, ?, ?, ?, ?, ?)',
  )
  return {
    lookup(key, endpoint, fingerprint, nowSeconds) {
      return replayFor(select.get(key, nowSeconds - KEY_LIFETIME_SECONDS), key, endpoint, fingerprint)
    },
    save(key, endpoint, fingerprint, response, nowSeconds) {
      prune.run(nowSeconds - KEY_LIFETIME_SECONDS)
      insert.run(key, endpoint, fingerprint, response.status, response.body, response.requestId, nowSeconds)
    },
  }
}
