import { notFound } from '@shared/errors'
import type { OrderTimeline, StripeEventOutcome, TimelineEntry } from '@shared/insight'
import type { Db } from '../store/db'
import { sql } from '../store/statements'

export const TIMELINE_LIMIT = 500
/** Applying one event takes milliseconds; rows further apart than this were not written by it. */
const EFFECT_WINDOW_MS = 1000

interface Row {
  kind: 'stripe' | 'audit'
  at: number
  ref: string
  created: number | null
  name: string
  actor: string | null
  entity_type: string | null
  entity_id: string | null
  outcome: StripeEventOutcome | null
  error: string | null
  detail: string | null
}

// Both on the till's clock (unix ms): a Stripe event by when the till received it, not Stripe's `created`
// (whole seconds, another machine's clock). At the same millisecond the Stripe event comes first.
const MERGED = `
SELECT 'stripe' AS kind, received_at AS at, id AS ref, created, type AS name, NULL AS actor, object_id AS entity_id,
       NULL AS entity_type, outcome, error, NULL AS detail, 0 AS rank, 0 AS seq
  FROM stripe_event WHERE order_id = @orderId
UNION ALL
SELECT 'audit', at, CAST(id AS TEXT), NULL, action, actor, entity_id, entity_type, NULL, NULL, detail, 1, id
  FROM audit_log WHERE order_id = @orderId
ORDER BY at DESC, rank DESC, seq DESC, ref DESC
LIMIT @limit`

/** The order's history, oldest first: Stripe events it received and what the till did (audit_log). */
export function getOrderTimeline(db: Db, orderId: number, limit = TIMELINE_LIMIT): OrderTimeline {
  const order = sql(db, 'SELECT review_reason AS reviewReason FROM purchase_order WHERE id = ?').get(orderId) as { reviewReason: string | null } | undefined
  if (!order) throw notFound(`Order ${orderId} does not exist`)
  // Newest first with one extra row, so a long history keeps its latest entries and says it was cut.
  const rows = sql(db, MERGED).all({ orderId, limit: limit + 1 }) as Row[]
  const truncated = rows.length > limit
  const entries = placeCauses(rows.slice(0, limit).reverse().map(toEntry))
  return { orderId, reviewReason: order.reviewReason, entries, truncated }
}

/**
 * An event's ledger row is written after the changes applying it made (same transaction, a clock read later),
 * and only event processing writes audit rows as actor "stripe". So the run of "stripe" rows just before an
 * applied event are its effects: the event moves in front of them, at the time its processing began.
 */
export function placeCauses(entries: TimelineEntry[]): TimelineEntry[] {
  const placed = [...entries]
  // Rows before an earlier event's own ledger row were that event's effects: never reach back past it.
  let floor = 0
  for (let i = 0; i < placed.length; i++) {
    const event = placed[i]!
    if (event.kind !== 'stripe') continue
    let first = i
    const applied = event.outcome === 'applied' || event.outcome === 'review'
    while (applied && first > floor) {
      const before = placed[first - 1]!
      if (before.kind !== 'audit' || before.actor !== 'stripe' || event.at - before.at > EFFECT_WINDOW_MS) break
      first--
    }
    floor = i + 1
    if (first === i) continue
    placed.splice(i, 1)
    placed.splice(first, 0, { ...event, at: placed[first]!.at })
  }
  return placed
}

function toEntry(row: Row): TimelineEntry {
  if (row.kind === 'stripe') {
    return {
      kind: 'stripe',
      at: row.at,
      receivedAt: row.at,
      eventId: row.ref,
      type: row.name,
      created: row.created ?? 0,
      objectId: row.entity_id,
      outcome: row.outcome ?? 'unhandled',
      error: row.error,
    }
  }
  return {
    kind: 'audit',
    at: row.at,
    id: Number(row.ref),
    action: row.name,
    actor: row.actor ?? '',
    entityType: row.entity_type ?? '',
    entityId: row.entity_id ?? '',
    detail: parseDetail(row.detail),
  }
}

function parseDetail(text: string | null): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text ?? '{}')
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {}
  } catch {
    return {}
  }
}
