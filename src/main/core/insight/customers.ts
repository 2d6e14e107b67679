import type { OrderSummary } from '@shared/domain'
import { notFound } from '@shared/errors'
import type { CurrencyTotal, CustomerCursor, CustomerDetail, CustomerOrders, CustomerPage, CustomerSummary, OrderCursor, OwnedCourse } from '@shared/insight'
import { escapeLike } from '../accounts'
import type { Db } from '../store/db'
import { sql } from '../store/statements'
import { foldText } from '@shared/fold-text'

const COLUMNS = 'id, name, email, phone, created_at AS createdAt'
const MATCH = `(fold(name) LIKE @pattern ESCAPE '\\' OR email LIKE @pattern ESCAPE '\\')`
// Keyset: the index on name (NOCASE, then rowid) is read from the cursor on; no OFFSET that rescans earlier pages.
const AFTER = `name COLLATE NOCASE >= @afterName AND (name COLLATE NOCASE > @afterName OR id > @afterId)`
const ORDER = 'ORDER BY name COLLATE NOCASE, id LIMIT @limit'

type AccountRow = Omit<CustomerSummary, 'totals'>

export function listCustomers(db: Db, input: { query?: string; after?: CustomerCursor; limit?: number }): CustomerPage {
  const limit = input.limit ?? 25
  const needle = foldText((input.query ?? '').trim())
  const where = [needle ? MATCH : null, input.after ? AFTER : null].filter(Boolean)
  // Four fixed texts at most (with or without a query, a cursor): each is prepared once and cached.
  const text = `SELECT ${COLUMNS} FROM account ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ${ORDER}`
  const params: Record<string, unknown> = { limit: limit + 1 }
  if (needle) params.pattern = `%${escapeLike(needle)}%`
  if (input.after) Object.assign(params, { afterName: input.after.name, afterId: input.after.id })
  const rows = sql(db, text).all(params) as AccountRow[]
  const page = rows.slice(0, limit)
  const totals = totalsFor(db, page.map((row) => row.id))
  const last = page.at(-1)
  return {
    customers: page.map((row) => ({ ...row, totals: totals.get(row.id) ?? [] })),
    next: rows.length > limit && last ? { name: last.name, id: last.id } : null,
  }
}

/** Per customer and currency: how many orders, what succeeded payments brought in, what refunds gave back. */
export function totalsFor(db: Db, accountIds: number[]): Map<number, CurrencyTotal[]> {
  const rows = sql(
    db,
    `SELECT o.account_id AS accountId, o.currency, count(*) AS orders,
            coalesce(sum((SELECT sum(p.amount_received) FROM payment p WHERE p.order_id = o.id AND p.status = 'succeeded')), 0) AS paid,
            coalesce(sum((SELECT sum(r.amount) FROM payment p JOIN refund r ON r.payment_id = p.id
                           WHERE p.order_id = o.id AND r.status = 'succeeded')), 0) AS refunded
       FROM purchase_order o
      WHERE o.account_id IN (SELECT value FROM json_each(@ids))
      GROUP BY o.account_id, o.currency
      ORDER BY o.account_id, o.currency`,
  ).all({ ids: JSON.stringify(accountIds) }) as Array<Omit<CurrencyTotal, 'net'> & { accountId: number }>
  const totals = new Map<number, CurrencyTotal[]>()
  for (const { accountId, ...total } of rows) {
    const list = totals.get(accountId) ?? []
    list.push({ ...total, net: total.paid - total.refunded })
    totals.set(accountId, list)
  }
  return totals
}

export function getCustomer(db: Db, customerId: number): CustomerDetail {
  const row = sql(db, `SELECT ${COLUMNS}, stripe_customer_id AS stripeCustomerId FROM account WHERE id = ?`).get(customerId) as
    | (AccountRow & { stripeCustomerId: string | null })
    | undefined
  if (!row) throw notFound(`Customer ${customerId} does not exist`)
  const courses = sql(
    db,
    `SELECT h.course_id AS courseId, c.code, c.title, h.order_id AS orderId, h.granted_at AS grantedAt
       FROM account_has_course h JOIN course c ON c.id = h.course_id
      WHERE h.account_id = ? ORDER BY h.granted_at DESC, c.title`,
  ).all(customerId) as OwnedCourse[]
  return { ...row, totals: totalsFor(db, [customerId]).get(customerId) ?? [], courses }
}

const ORDER_COLUMNS = `o.id, o.account_id AS accountId, a.name AS accountName, a.email AS accountEmail, o.amount, o.currency,
       o.status, o.created_at AS createdAt, o.updated_at AS updatedAt`
const BEFORE = 'AND (o.created_at < @createdAt OR (o.created_at = @createdAt AND o.id < @id))'

/** A customer's orders, newest first, a page at a time (keyset on created_at, id). */
export function listCustomerOrders(db: Db, input: { customerId: number; before?: OrderCursor; limit?: number }): CustomerOrders {
  if (!sql(db, 'SELECT 1 FROM account WHERE id = ?').get(input.customerId)) throw notFound(`Customer ${input.customerId} does not exist`)
  const limit = input.limit ?? 25
  const rows = sql(
    db,
    `SELECT ${ORDER_COLUMNS} FROM purchase_order o JOIN account a ON a.id = o.account_id
      WHERE o.account_id = @customerId ${input.before ? BEFORE : ''}
      ORDER BY o.created_at DESC, o.id DESC LIMIT @limit`,
  ).all({ customerId: input.customerId, limit: limit + 1, ...(input.before ?? {}) }) as OrderSummary[]
  const orders = rows.slice(0, limit)
  const last = orders.at(-1)
  return { orders, next: rows.length > limit && last ? { createdAt: last.createdAt, id: last.id } : null }
}
