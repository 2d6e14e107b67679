import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDatabase, schemaVersion } from '../../src/main/core/store/db'
import { migrations } from '../../src/main/core/store/migrations'
import { tempDir } from '../helpers/temp-store'

describe('migration 010 (store credit): the payment table rebuilt for the credit tender', () => {
  it('keeps every payment, the refunds that point at them, their history and indexes, with foreign keys on', () => {
    const file = join(tempDir(), 'coursetill.db')
    const before = openDatabase(file, { migrations: migrations.filter((m) => m.version < 10) })
    before.exec(`
      INSERT INTO account (id, email, name, created_at, updated_at) VALUES (1, 'a@example.com', 'A', 0, 0);
      INSERT INTO purchase_order (id, account_id, amount, currency, created_at, updated_at) VALUES (1, 1, 3000, 'GBP', 0, 0);
      INSERT INTO payment (id, order_id, method, amount, amount_received, tendered_amount, currency, status, created_at, updated_at, request_key)
        VALUES (1, 1, 'cash', 1000, 1000, 2000, 'GBP', 'succeeded', 0, 0, 'cash-key-0001');
      INSERT INTO payment (id, order_id, method, amount, amount_received, currency, status, stripe_payment_intent_id, created_at, updated_at, stripe_synced_at)
        VALUES (2, 1, 'card', 2000, 2000, 'GBP', 'succeeded', 'pi_1', 0, 0, 17);
      INSERT INTO refund (id, payment_id, amount, currency, status, reason, requested_by, created_at, updated_at)
        VALUES (1, 2, 500, 'GBP', 'succeeded', 'other', 'manager', 0, 0);
    `)
    const rows = before.prepare('SELECT * FROM payment ORDER BY id').all()
    const history = before.prepare('SELECT * FROM order_history').all()
    before.close()

    // Up to 010 only: later migrations add columns of their own to payment.
    const db = openDatabase(file, { migrations: migrations.filter((m) => m.version <= 10) })
    expect(schemaVersion(db)).toBe(10)
    expect(db.prepare('SELECT * FROM payment ORDER BY id').all()).toEqual(rows)
    expect(db.prepare('SELECT * FROM order_history').all()).toEqual(history)
    expect(db.pragma('foreign_key_check')).toEqual([])
    const indexes = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'payment' AND sql IS NOT NULL ORDER BY name").pluck().all()
    expect(indexes).toEqual(['payment_open', 'payment_order', 'payment_request_key', 'payment_succeeded_at'])
    // The history triggers came back with the table: a credit payment counts as paid.
    db.prepare("INSERT INTO payment (order_id, method, amount, amount_received, currency, status, created_at, updated_at) VALUES (1, 'credit', 500, 500, 'GBP', 'succeeded', 1, 1)").run()
    expect(db.prepare('SELECT paid, refunded FROM order_history WHERE order_id = 1').get()).toEqual({ paid: 3500, refunded: 500 })
    // A refund still cannot point at a payment that does not exist.
    expect(() => db.prepare("INSERT INTO refund (payment_id, amount, currency, status, reason, requested_by, created_at, updated_at) VALUES (99, 1, 'GBP', 'succeeded', 'other', 'm', 0, 0)").run()).toThrow(/FOREIGN KEY/)
    // Credit never waits on anyone and never has a Stripe id.
    expect(() => db.prepare("INSERT INTO payment (order_id, method, amount, currency, status, created_at, updated_at) VALUES (1, 'credit', 5, 'GBP', 'pending', 1, 1)").run()).toThrow(/CHECK/)
    expect(() => db.prepare("INSERT INTO payment (order_id, method, amount, currency, status, stripe_payment_intent_id, created_at, updated_at) VALUES (1, 'credit', 5, 'GBP', 'succeeded', 'pi_2', 1, 1)").run()).toThrow(/CHECK/)
    db.close()
  })
})
