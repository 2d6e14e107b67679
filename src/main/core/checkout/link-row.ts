import type { PayLink } from '@shared/pay-links'
import type { Db } from '../store/db'
import { sql } from '../store/statements'

export interface LinkRow {
  id: number
  order_id: number
  seq: number
  stripe_session_id: string | null
  url: string | null
  amount: number
  currency: string
  status: PayLink['status']
  payment_id: number | null
  last_failure: string | null
  expires_at: number
  created_at: number
}

const COLUMNS = 'id, order_id, seq, stripe_session_id, url, amount, currency, status, payment_id, last_failure, expires_at, created_at'

export const linkBySession = (db: Db, sessionId: string) =>
  sql(db, `SELECT ${COLUMNS} FROM checkout_link WHERE stripe_session_id = ?`).get(sessionId) as LinkRow | undefined

export const linkBySeq = (db: Db, orderId: number, seq: number) =>
  sql(db, `SELECT ${COLUMNS} FROM checkout_link WHERE order_id = ? AND seq = ?`).get(orderId, seq) as LinkRow | undefined

export const linksOfOrder = (db: Db, orderId: number) =>
  sql(db, `SELECT ${COLUMNS} FROM checkout_link WHERE order_id = ? ORDER BY seq`).all(orderId) as LinkRow[]

/** The order's live link (being made, or open), if any: at most one, by a unique index. */
export const liveLink = (db: Db, orderId: number) =>
  sql(db, `SELECT ${COLUMNS} FROM checkout_link WHERE order_id = ? AND status IN ('creating', 'open')`).get(orderId) as LinkRow | undefined

export function toPayLink(row: LinkRow): PayLink {
  return {
    id: row.id,
    orderId: row.order_id,
    stripeSessionId: row.stripe_session_id,
    url: row.status === 'open' ? row.url : null,
    amount: row.amount,
    currency: row.currency,
    status: row.status,
    lastFailure: row.last_failure,
    expiresAt: row.expires_at,
    createdAt: row.created_at,
  }
}
