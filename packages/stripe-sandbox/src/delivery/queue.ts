// The durable side of webhook delivery: which (event, endpoint, copy) still has to be sent, when,
// and every attempt made. Living in SQLite is what lets pending deliveries survive a restart.

import type { Db } from '../store/db'

export interface DueDelivery {
  id: number
  event_id: string
  endpoint_id: string
  attempt_count: number
}

export interface AttemptRecord {
  deliveryId: number
  eventId: string
  endpointId: string
  attemptNo: number
  statusCode: number | null
  error: string | null
  signatureTimestamp: number
  attemptedAt: number
  durationMs: number
}

export interface AttemptRow {
  event_id: string
  endpoint_id: string
  attempt_no: number
  status_code: number | null
  error: string | null
  signature_timestamp: number
  attempted_at: number
}

export interface DeliveryQueue {
  schedule(eventId: string, endpointIds: readonly string[], copies: number, firstAttemptAt: number): void
  due(nowMs: number): DueDelivery[]
  /** Earliest next_attempt_at among pending deliveries, or undefined when nothing is pending. */
  nextDueAt(): number | undefined
  recordAttempt(attempt: AttemptRecord): void
  markSucceeded(deliveryId: number): void
  /** Schedules the next try at `retryAt`, or gives up (status failed) when retryAt is undefined. */
  markFailed(deliveryId: number, retryAt: number | undefined): void
  cancel(deliveryId: number): void
  /** Endpoints that have not yet acknowledged the event: Stripe's `pending_webhooks`. */
  undeliveredEndpointCount(eventId: string): number
  /** The same for a page of events, in one query; events with nothing pending are absent. */
  undeliveredEndpointCounts(eventIds: readonly string[]): Map<string, number>
  attempts(eventId?: string): AttemptRow[]
}

/**
 * The endpoints that have not acknowledged the event `eventIdSql` names (a placeholder or a column): per
 * endpoint, any successful copy acknowledges it; canceled rows (endpoint gone) do not count. Shared with the
 * Events list, whose `delivery_success` filter tests `EXISTS (…)` of it per row.
 */
export function undeliveredEndpointsSql(eventIdSql: string): string {
  return `SELECT endpoint_id FROM webhook_deliveries WHERE event_id = ${eventIdSql}
    GROUP BY endpoint_id HAVING SUM(status = 'succeeded') = 0 AND SUM(status != 'canceled') > 0`
}

export function createDeliveryQueue(db: Db): DeliveryQueue {
  const insert = db.prepare(
    `INSERT INTO webhook_deliveries (event_id, endpoint_id, copy_no, status, next_attempt_at, created_at) VALUES (?, ?, ?, 'pending', ?, ?)`,
  )
  const due = db.prepare<[number], DueDelivery>(
    `SELECT id, event_id, endpoint_id, attempt_count FROM webhook_deliveries
     WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at, id`,
  )
  const nextDue = db.prepare<[], { at: number | null }>(
    `SELECT MIN(next_attempt_at) AS at FROM webhook_deliveries WHERE status = 'pending'`,
  )
  const insertAttempt = db.prepare(
    `INSERT INTO webhook_attempts (delivery_id, event_id, endpoint_id, attempt_no, status_code, error, signature_timestamp, attempted_at, duration_ms)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const setStatus = db.prepare(`UPDATE webhook_deliveries SET status = ?, next_attempt_at = ? WHERE id = ?`)
  const bumpAttempts = db.prepare(`UPDATE webhook_deliveries SET attempt_count = attempt_count + 1 WHERE id = ?`)
  const countForEvent = db.prepare<[string], number>(`SELECT COUNT(*) FROM (${undeliveredEndpointsSql('?')})`).pluck()
  const countsForEvents = db.prepare<[string], { event_id: string; n: number }>(
    `SELECT ids.value AS event_id, (SELECT COUNT(*) FROM (${undeliveredEndpointsSql('ids.value')})) AS n
       FROM json_each(?) AS ids`,
  )
  const attemptsForEvent = db.prepare<[string], AttemptRow>(
    `SELECT event_id, endpoint_id, attempt_no, status_code, error, signature_timestamp, attempted_at FROM webhook_attempts WHERE event_id = ? ORDER BY id`,
  )
  const allAttempts = db.prepare<[], AttemptRow>(
    `SELECT event_id, endpoint_id, attempt_no, status_code, error, signature_timestamp, attempted_at FROM webhook_attempts ORDER BY id`,
  )

  return {
    schedule(eventId, endpointIds, copies, firstAttemptAt) {
      for (const endpointId of endpointIds) {
        for (let copy = 1; copy <= copies; copy++) insert.run(eventId, endpointId, copy, firstAttemptAt, Date.now())
      }
    },
    due: (nowMs) => due.all(nowMs),
    nextDueAt: () => nextDue.get()?.at ?? undefined,
    recordAttempt(a) {
      db.transaction(() => {
        insertAttempt.run(
          a.deliveryId,
          a.eventId,
          a.endpointId,
          a.attemptNo,
          a.statusCode,
          a.error,
          a.signatureTimestamp,
          a.attemptedAt,
          a.durationMs,
        )
        bumpAttempts.run(a.deliveryId)
      })()
    },
    markSucceeded: (id) => void setStatus.run('succeeded', null, id),
    markFailed: (id, retryAt) =>
      void (retryAt === undefined ? setStatus.run('failed', null, id) : setStatus.run('pending', retryAt, id)),
    cancel: (id) => void setStatus.run('canceled', null, id),
    undeliveredEndpointCount: (eventId) => countForEvent.get(eventId) ?? 0,
    undeliveredEndpointCounts(eventIds) {
      if (eventIds.length === 0) return new Map()
      const rows = countsForEvents.all(JSON.stringify(eventIds))
      return new Map(rows.filter((row) => row.n > 0).map((row) => [row.event_id, row.n]))
    },
    attempts: (eventId) => (eventId === undefined ? allAttempts.all() : attemptsForEvent.all(eventId)),
  }
}
