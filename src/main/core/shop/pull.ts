import type { Db } from '../store/db'
import { applyPulledPeople, PERSON_PULL_QUERY } from './customer-edits-sync'
import type { ShopQueryable } from './shop-database'

// What each till reads from the shop database, each by its own cursor over shop_seq, a batch per local
// transaction with the cursor moved in it: a pull cut anywhere resumes where the last committed batch ended.
// Adding a source is one entry: the query (returning shop_seq)
// and how its rows land locally. Parameters: $1 the cursor, $2 the batch size, $3 this installation (if used).

type Row = Record<string, unknown> & { shop_seq: number }

export interface PullSource {
  name: string
  query: string
  apply(db: Db, rows: readonly Row[], now: number): void
}

const upsertInto = (table: string, columns: readonly string[], key: readonly string[]) =>
  `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => '@' + c).join(', ')})
   ON CONFLICT (${key.join(', ')}) DO UPDATE SET ${columns.filter((c) => !key.includes(c)).map((c) => `${c} = excluded.${c}`).join(', ')}`

const ORDER_COLUMNS = ['installation', 'order_id', 'email', 'customer_name', 'amount', 'currency', 'status', 'kind', 'created_at', 'updated_at']
const GRANT_COLUMNS = ['installation', 'local_id', 'email', 'course_code', 'order_id', 'granted_at', 'deleted']
const EXTERNAL_COLUMNS = ['stripe_payment_intent_id', 'claimed_by', 'amount', 'currency', 'claimed_at']
const PAYMENT_COLUMNS = ['installation', 'payment_id', 'order_id', 'method', 'amount_received', 'currency', 'status', 'stripe_payment_intent_id', 'updated_at']
const ITEM_COLUMNS = ['installation', 'item_id', 'order_id', 'course_code', 'title', 'unit_amount']
const DISCOUNT_COLUMNS = ['installation', 'discount_id', 'order_id', 'course_code', 'amount']
const REFUND_COLUMNS = ['installation', 'refund_id', 'payment_id', 'amount', 'currency', 'status', 'updated_at']

export const PULL_SOURCES: readonly PullSource[] = [
  {
    // The shop's price list wins: a course this till has by code takes the shop's title, price and active flag;
    // one it lacks is added. Orders keep the price they were sold at (their items hold it).
    name: 'shop_catalog',
    query: 'SELECT code, title, description, price_amount, currency, active, updated_at, shop_seq FROM shop_catalog WHERE shop_seq > $1 ORDER BY shop_seq LIMIT $2',
    apply(db, rows, now) {
      const update = db.prepare(
        `UPDATE course SET title = @title, description = @description, price_amount = @price_amount, currency = @currency, active = @active, updated_at = @now
          WHERE code = @code AND (title, description, price_amount, currency, active) IS NOT (@title, @description, @price_amount, @currency, @active)`,
      )
      const insert = db.prepare(
        `INSERT INTO course (code, title, description, price_amount, currency, active, created_at, updated_at)
         SELECT @code, @title, @description, @price_amount, @currency, @active, @now, @now WHERE NOT EXISTS (SELECT 1 FROM course WHERE code = @code)`,
      )
      for (const row of rows) {
        const values = { ...pick(row, ['code', 'title', 'description', 'price_amount', 'currency', 'active']), now }
        update.run(values)
        insert.run(values)
      }
    },
  },
  // One person, one customer, and the latest edit of them at every till (customer-edits-sync.ts).
  { name: 'shop_person', query: PERSON_PULL_QUERY, apply: applyPulledPeople },
  {
    name: 'shop_order',
    query: `SELECT installation, id AS order_id, email, customer_name, amount, currency, status, kind, created_at, updated_at, shop_seq
              FROM shop_order WHERE shop_seq > $1 AND installation <> $3 ORDER BY shop_seq LIMIT $2`,
    apply(db, rows) {
      const upsert = db.prepare(upsertInto('shop_order_copy', ORDER_COLUMNS, ['installation', 'order_id']))
      for (const row of rows) upsert.run(pick(row, ORDER_COLUMNS))
    },
  },
  {
    // Other tills' order lines: titles and the course filter in Orders, Reports per course across the shop.
    name: 'shop_order_item',
    query: `SELECT installation, id AS item_id, order_id, course_code, title, unit_amount, shop_seq
              FROM shop_order_item WHERE shop_seq > $1 AND installation <> $3 ORDER BY shop_seq LIMIT $2`,
    apply(db, rows) {
      const upsert = db.prepare(upsertInto('shop_order_item_copy', ITEM_COLUMNS, ['installation', 'item_id']))
      for (const row of rows) upsert.run(pick(row, ITEM_COLUMNS))
    },
  },
  {
    // A discount removed at its till is marked deleted in the shop book: it leaves the copy.
    name: 'shop_order_discount',
    query: `SELECT d.installation, d.id AS discount_id, d.order_id, c.code AS course_code, d.amount, d.deleted::int AS deleted, d.shop_seq
              FROM shop_order_discount d LEFT JOIN shop_course c ON c.installation = d.installation AND c.id = d.course_id
             WHERE d.shop_seq > $1 AND d.installation <> $3 ORDER BY d.shop_seq LIMIT $2`,
    apply(db, rows) {
      const upsert = db.prepare(upsertInto('shop_order_discount_copy', DISCOUNT_COLUMNS, ['installation', 'discount_id']))
      const remove = db.prepare('DELETE FROM shop_order_discount_copy WHERE installation = ? AND discount_id = ?')
      for (const row of rows) {
        if (row.deleted) remove.run(row.installation, row.discount_id)
        else upsert.run(pick(row, DISCOUNT_COLUMNS))
      }
    },
  },
  {
    name: 'shop_grant',
    query: `SELECT installation, local_id, email, course_code, order_id, granted_at, deleted::int AS deleted, shop_seq
              FROM shop_grant WHERE shop_seq > $1 AND installation <> $3 ORDER BY shop_seq LIMIT $2`,
    apply(db, rows) {
      const upsert = db.prepare(upsertInto('shop_grant_copy', GRANT_COLUMNS, ['installation', 'local_id']))
      for (const row of rows) upsert.run(pick(row, GRANT_COLUMNS))
    },
  },
  {
    name: 'shop_external_payment',
    query: `SELECT stripe_payment_intent_id, claimed_by, amount, currency, claimed_at, shop_seq
              FROM shop_external_payment WHERE shop_seq > $1 ORDER BY shop_seq LIMIT $2`,
    apply(db, rows) {
      const upsert = db.prepare(upsertInto('shop_external_payment_copy', EXTERNAL_COLUMNS, ['stripe_payment_intent_id']))
      for (const row of rows) upsert.run(pick(row, EXTERNAL_COLUMNS))
    },
  },
  {
    // Other tills' money, for Reports across the shop (core/shop/other-tills-revenue.ts).
    name: 'shop_payment',
    query: `SELECT installation, id AS payment_id, order_id, method, amount_received, currency, status, stripe_payment_intent_id, updated_at, shop_seq
              FROM shop_payment WHERE shop_seq > $1 AND installation <> $3 ORDER BY shop_seq LIMIT $2`,
    apply(db, rows) {
      const upsert = db.prepare(upsertInto('shop_payment_copy', PAYMENT_COLUMNS, ['installation', 'payment_id']))
      for (const row of rows) upsert.run(pick(row, PAYMENT_COLUMNS))
    },
  },
  {
    name: 'shop_refund',
    query: `SELECT installation, id AS refund_id, payment_id, amount, currency, status, updated_at, shop_seq
              FROM shop_refund WHERE shop_seq > $1 AND installation <> $3 ORDER BY shop_seq LIMIT $2`,
    apply(db, rows) {
      const upsert = db.prepare(upsertInto('shop_refund_copy', REFUND_COLUMNS, ['installation', 'refund_id']))
      for (const row of rows) upsert.run(pick(row, REFUND_COLUMNS))
    },
  },
]

function pick(row: Row, columns: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(columns.map((c) => [c, row[c]]))
}

/** One batch of one source. Returns how many rows it brought (fewer than batchSize: caught up). */
export async function pullBatch(db: Db, shop: ShopQueryable, source: PullSource, installationId: string, batchSize: number, now: number): Promise<number> {
  const cursor = (db.prepare('SELECT seq FROM shop_pull_cursor WHERE source = ?').pluck().get(source.name) as number | undefined) ?? 0
  const params = [cursor, batchSize, installationId].slice(0, source.query.includes('$3') ? 3 : 2)
  const rows = await shop.query<Row>(source.query, params)
  if (rows.length === 0) return 0
  db.transaction(() => {
    source.apply(db, rows, now)
    db.prepare('INSERT INTO shop_pull_cursor (source, seq) VALUES (?, ?) ON CONFLICT (source) DO UPDATE SET seq = excluded.seq').run(
      source.name,
      rows[rows.length - 1]!.shop_seq,
    )
  }).immediate()
  return rows.length
}
