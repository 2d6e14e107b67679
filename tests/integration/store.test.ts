import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { DatabaseTooNewError, migrate, openDatabase, schemaVersion } from '../../src/main/core/store/db'
import { migrations } from '../../src/main/core/store/migrations'
import { addAccount, addCourse, count, tempDir, tempStore } from '../helpers/temp-store'

const schemaOf = (db: Database.Database) =>
  db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY name").all()

describe('opening the store', () => {
  it('creates coursetill.db with WAL, foreign keys, a busy timeout and the latest schema', () => {
    const { db } = tempStore()
    expect(schemaVersion(db)).toBe(migrations.length)
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000)
    // sqlite_sequence is SQLite's own (sync_outbox's AUTOINCREMENT: its seq never goes back, even once emptied).
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all()
    expect(tables).toEqual([
      'account', 'account_has_course', 'app_setting', 'audit_log', 'checkout_link', 'coupon_redemption', 'course',
      'course_stripe_price', 'credit_coupon', 'credit_entry', 'drawer_movement', 'drawer_no_sale', 'external_claim', 'external_payment', 'external_payment_log',
      'installation', 'installment_charge', 'installment_offer', 'installment_order_charge', 'installment_plan',
      'membership_plan', 'membership_plan_course', 'order_day_total', 'order_discount', 'order_history',
      'order_history_course', 'payment', 'pin_guess_budget', 'pin_seat_throttle', 'purchase_order', 'purchase_order_item',
      'recurring_invoice', 'recurring_payment', 'referral', 'referral_bonus', 'referral_code', 'refund', 'refund_line',
      'shift', 'shift_count', 'shift_float', 'shop_account_origin', 'shop_external_payment_copy', 'shop_grant_copy',
      'shop_order_copy', 'shop_order_day_total', 'shop_order_discount_copy', 'shop_order_item_copy', 'shop_payment_copy', 'shop_pull_cursor', 'shop_refund_copy', 'shop_seeded_table', 'shop_sync_state', 'staff', 'stripe_event', 'sync_outbox', 'unowned_payment',
    ])
    // FULL: an acknowledged webhook's effects survive a power cut.
    expect(db.pragma('synchronous', { simple: true })).toBe(2)
    for (const table of tables as string[]) {
      expect(db.prepare('SELECT sql FROM sqlite_schema WHERE name = ?').pluck().get(table)).toMatch(/\)\s*STRICT/)
    }
  })

  it('reaches the same schema from every earlier version as from empty', () => {
    const dir = tempDir()
    const fromEmpty = openDatabase(join(dir, 'empty.db'))
    const expected = schemaOf(fromEmpty)
    fromEmpty.close()
    for (let version = 0; version < migrations.length; version++) {
      const file = join(dir, `v${version}.db`)
      const old = new Database(file)
      migrate(old, migrations.slice(0, version))
      expect(schemaVersion(old)).toBe(version)
      old.close()
      const upgraded = openDatabase(file)
      expect(schemaVersion(upgraded)).toBe(migrations.length)
      expect(schemaOf(upgraded)).toEqual(expected)
      upgraded.close()
    }
  })

  it('is idempotent: reopening applies nothing', () => {
    const { file, db } = tempStore()
    addAccount(db)
    db.close()
    const again = openDatabase(file)
    expect(count(again, 'account')).toBe(1)
    again.close()
  })

  it('refuses a database written by a newer CourseTill and leaves the file untouched', () => {
    const file = join(tempDir(), 'coursetill.db')
    const future = new Database(file)
    future.exec('CREATE TABLE from_the_future (x) ')
    future.pragma(`user_version = ${migrations.length + 1}`)
    future.close()
    const before = createHash('sha256').update(readFileSync(file)).digest('hex')
    expect(() => openDatabase(file)).toThrow(DatabaseTooNewError)
    expect(() => openDatabase(file)).toThrow(/newer CourseTill.*left untouched/)
    expect(createHash('sha256').update(readFileSync(file)).digest('hex')).toBe(before)
  })

  it('applies pending migrations in one transaction: a failing one leaves the version and schema as they were', () => {
    const file = join(tempDir(), 'coursetill.db')
    const broken = [...migrations, { version: migrations.length + 1, name: 'half-done', sql: 'CREATE TABLE half (x INTEGER) STRICT; SELECT no_such_function();' }]
    const db = new Database(file)
    expect(() => migrate(db, broken)).toThrow(/no_such_function/)
    expect(schemaVersion(db)).toBe(0)
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'table'").pluck().get()).toBe(0)
    db.close()
  })
})

describe('constraints', () => {
  it.each([
    ['a negative price', "INSERT INTO course (code, title, price_amount, currency, created_at, updated_at) VALUES ('X', 'T', -1, 'GBP', 0, 0)"],
    ['a fractional price (STRICT)', "INSERT INTO course (code, title, price_amount, currency, created_at, updated_at) VALUES ('X', 'T', 12.5, 'GBP', 0, 0)"],
    ['a lower-case currency', "INSERT INTO course (code, title, price_amount, currency, created_at, updated_at) VALUES ('X', 'T', 100, 'gbp', 0, 0)"],
    ['a non-letter currency', "INSERT INTO course (code, title, price_amount, currency, created_at, updated_at) VALUES ('X', 'T', 100, 'G8P', 0, 0)"],
    ['a text amount (STRICT)', "INSERT INTO course (code, title, price_amount, currency, created_at, updated_at) VALUES ('X', 'T', 'lots', 'GBP', 0, 0)"],
    ['an email without @', "INSERT INTO account (email, name, created_at, updated_at) VALUES ('nobody', 'N', 0, 0)"],
    ['an order for no account', "INSERT INTO purchase_order (account_id, amount, currency, created_at, updated_at) VALUES (999, 100, 'GBP', 0, 0)"],
    ['an unknown order status', "INSERT INTO purchase_order (account_id, amount, currency, status, created_at, updated_at) VALUES (1, 100, 'GBP', 'paid-ish', 0, 0)"],
    ['a card payment without an intent', "INSERT INTO payment (order_id, method, amount, currency, status, created_at, updated_at) VALUES (1, 'card', 100, 'GBP', 'pending', 0, 0)"],
    ['a cash payment with an intent', "INSERT INTO payment (order_id, method, amount, currency, status, stripe_payment_intent_id, created_at, updated_at) VALUES (1, 'cash', 100, 'GBP', 'succeeded', 'pi_1', 0, 0)"],
    ['a cheque', "INSERT INTO payment (order_id, method, amount, currency, status, created_at, updated_at) VALUES (1, 'cheque', 100, 'GBP', 'succeeded', 0, 0)"],
    ['change tendered below the amount', "INSERT INTO payment (order_id, method, amount, tendered_amount, currency, status, created_at, updated_at) VALUES (1, 'cash', 100, 50, 'GBP', 'succeeded', 0, 0)"],
    ['a zero refund', "INSERT INTO refund (payment_id, amount, currency, status, reason, requested_by, created_at, updated_at) VALUES (1, 0, 'GBP', 'succeeded', 'duplicate', 'm', 0, 0)"],
    ['a malformed event id', "INSERT INTO stripe_event (id, type, created, received_at, outcome) VALUES ('ev1', 't', 0, 0, 'applied')"],
    ['audit detail that is not JSON', "INSERT INTO audit_log (at, actor, action, entity_type, entity_id, detail) VALUES (0, 'a', 'b', 'course', '1', '{oops')"],
  ])('rejects %s', (_what, statement) => {
    const { db } = tempStore()
    addAccount(db)
    addCourse(db, { price: 100, currency: 'GBP' })
    db.prepare("INSERT INTO purchase_order (account_id, amount, currency, created_at, updated_at) VALUES (1, 100, 'GBP', 0, 0)").run()
    db.prepare("INSERT INTO payment (order_id, method, amount, amount_received, currency, status, created_at, updated_at) VALUES (1, 'cash', 100, 100, 'GBP', 'succeeded', 0, 0)").run()
    expect(() => db.prepare(statement).run()).toThrow(/constraint|cannot store|CHECK|FOREIGN KEY/i)
  })

  it('keeps emails unique regardless of case, and one ownership row per account and course', () => {
    const { db } = tempStore()
    db.prepare("INSERT INTO account (email, name, created_at, updated_at) VALUES ('Ann@Example.com', 'Ann', 0, 0)").run()
    expect(() => db.prepare("INSERT INTO account (email, name, created_at, updated_at) VALUES ('ann@example.com', 'Ann', 0, 0)").run()).toThrow(/UNIQUE/)
    const course = addCourse(db, { price: 100, currency: 'GBP' })
    db.prepare("INSERT INTO purchase_order (account_id, amount, currency, created_at, updated_at) VALUES (1, 100, 'GBP', 0, 0)").run()
    db.prepare('INSERT INTO account_has_course (account_id, course_id, order_id, granted_at) VALUES (1, ?, 1, 0)').run(course)
    expect(() => db.prepare('INSERT INTO account_has_course (account_id, course_id, order_id, granted_at) VALUES (1, ?, 1, 0)').run(course)).toThrow(/UNIQUE|PRIMARY KEY/)
  })
})
