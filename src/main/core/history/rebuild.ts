import type { Db } from '../store/db'

// The history caches (order_history, order_history_course, order_day_total) are kept by triggers during normal
// use. A bulk load (seed:large) is far faster with the triggers off and the caches rebuilt once at the end from
// the source tables, in one pass per table: this is that rebuild, for the current schema.

const DAY_MS = 86_400_000

const REBUILD = `
DELETE FROM order_day_total;
DELETE FROM order_history_course;
DELETE FROM order_history;
INSERT INTO order_history (order_id, created_at, status, account_id, customer_name, currency, amount, paid, refunded, methods)
SELECT o.id, o.created_at, o.status, o.account_id, a.name, o.currency, o.amount,
       coalesce(p.paid, 0), coalesce(r.refunded, 0), coalesce(p.methods, 0)
  FROM purchase_order o
  JOIN account a ON a.id = o.account_id
  LEFT JOIN (SELECT order_id, sum(CASE WHEN status = 'succeeded' THEN amount_received ELSE 0 END) AS paid,
                    max(method = 'card') + 2 * max(method = 'cash') + 4 * max(method = 'credit') AS methods
               FROM payment GROUP BY order_id) p ON p.order_id = o.id
  LEFT JOIN (SELECT pay.order_id, sum(r.amount) AS refunded FROM refund r JOIN payment pay ON pay.id = r.payment_id
              WHERE r.status = 'succeeded' GROUP BY pay.order_id) r ON r.order_id = o.id
 ORDER BY o.id;
INSERT INTO order_history_course (course_id, created_at, order_id)
SELECT i.course_id, o.created_at, i.order_id FROM purchase_order_item i JOIN purchase_order o ON o.id = i.order_id
 ORDER BY 1, 2, 3;
INSERT INTO order_day_total (day, status, currency, methods, orders, amount, paid, refunded)
SELECT created_at / ${DAY_MS}, status, currency, methods, count(*), sum(amount), sum(paid), sum(refunded)
  FROM order_history GROUP BY 1, 2, 3, 4;
`

/**
 * Runs `bulkLoad` with the store's triggers dropped, then rebuilds the history caches and puts the triggers
 * back, all in one transaction per step; the triggers are restored even when the load fails.
 */
export function withHistoryTriggersOff<T>(db: Db, bulkLoad: () => T): T {
  const triggers = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' ORDER BY name").all() as Array<{ name: string; sql: string }>
  db.transaction(() => {
    for (const trigger of triggers) db.exec(`DROP TRIGGER "${trigger.name.replaceAll('"', '""')}"`)
  }).immediate()
  try {
    const result = bulkLoad()
    db.transaction(() => db.exec(REBUILD)).immediate()
    return result
  } finally {
    db.transaction(() => {
      for (const trigger of triggers) db.exec(trigger.sql)
    }).immediate()
  }
}
