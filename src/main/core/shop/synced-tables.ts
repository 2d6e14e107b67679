// The tables every till pushes to the shop database. Adding one is one entry here plus the PostgreSQL table that
// receives it (a numbered file in shop/pg-migrations.ts): the outbox triggers (outbox-triggers.ts) and the
// PostgreSQL upsert (push-statements.ts) are both made from this list, the columns from the two schemas.
//
// How a row travels: the local row as JSON (every column of the local table, plus `extras`), keyed by
// (installation, table, local id). PostgreSQL keeps the columns its table has, by name; extras carry what the
// shop needs and the local row only knows by a local id (the customer's email, a course's code).
// Order matters: parents before children, so a batch satisfies PostgreSQL's foreign keys.

export interface SyncedTable {
  /** The local table. */
  table: string
  /** Its primary key columns: the local id is their values joined with ':'. */
  key: readonly string[]
  /** The PostgreSQL table receiving its rows (installation, local_id, sync_seq, shop_seq, deleted + columns). */
  shopTable: string
  /** Extra JSON fields: SQL over the changed row, written NEW.<column> (the trigger swaps in its own alias). */
  extras?: Readonly<Record<string, string>>
  /** Local columns that never leave the till (left out of the row's JSON, so not even sent). */
  omit?: readonly string[]
}

import { LATER_TABLES } from './synced-tables-later'

const EMAIL_OF_ACCOUNT = (column: string) => `(SELECT email FROM account WHERE id = NEW.${column})`
const COURSE_CODE = `(SELECT code FROM course WHERE id = NEW.course_id)`

export const SYNCED_TABLES: readonly SyncedTable[] = [
  { table: 'course', key: ['id'], shopTable: 'shop_course' },
  {
    table: 'account',
    key: ['id'],
    shopTable: 'shop_account',
    // A customer pulled from the shop is linked to its person, never counted as a second one (no merge).
    extras: { pulled_person_id: '(SELECT person_id FROM shop_account_origin WHERE account_id = NEW.id)' },
  },
  {
    table: 'purchase_order',
    key: ['id'],
    shopTable: 'shop_order',
    extras: { email: EMAIL_OF_ACCOUNT('account_id'), customer_name: '(SELECT name FROM account WHERE id = NEW.account_id)' },
  },
  { table: 'purchase_order_item', key: ['id'], shopTable: 'shop_order_item', extras: { course_code: COURSE_CODE } },
  { table: 'payment', key: ['id'], shopTable: 'shop_payment' },
  { table: 'refund', key: ['id'], shopTable: 'shop_refund' },
  {
    table: 'account_has_course',
    key: ['account_id', 'course_id'],
    shopTable: 'shop_grant',
    extras: { email: EMAIL_OF_ACCOUNT('account_id'), course_code: COURSE_CODE },
  },
  { table: 'audit_log', key: ['id'], shopTable: 'shop_audit' },
  ...LATER_TABLES,
]

export function syncedTable(name: string): SyncedTable {
  const entry = SYNCED_TABLES.find((t) => t.table === name)
  if (!entry) throw new Error(`${name} is not a synced table`)
  return entry
}
