import type { SyncedTable } from './synced-tables'

// The tables added to the sync after the first eight (shop PostgreSQL migration 4): staff, shifts and their drawer,
// discounts, refund lines, store credit, memberships, payment plans and the unmatched-payments inbox. Each is
// seeded on its own the first time a till runs with it in the list (store migration 020), after whatever its outbox
// already held, so a parent is always pushed before (or with) its children. Rows of the older tables only name
// staff and shifts by local id (no foreign key in PostgreSQL for those columns): a till upgraded with orders still
// queued pushes those before its staff are seeded.
//
// Who pulls what: nothing here is pulled by other tills yet. It is the shop's record (reports across tills,
// an accountant's questions), while each till acts on its own rows:
// - staff: the PIN hash stays on the till (`omit`). A PIN is 4-8 digits: with its hash anyone who can read the shop
//   database (a hosted PostgreSQL's operators, a dump, a backup) tries every PIN offline in minutes, and the
//   till's guess limits only stop guesses made at a till. So a person signs in at the tills they were added to.
// - store credit is till-local: a ledger entry is spent at the till whose ledger holds it, where SQLite's
//   no-overdraw trigger serialises every spend. Credit at another till could only be spent safely by claiming it
//   in PostgreSQL at the counter, which would make a credit sale wait on the shop database; a till must keep
//   selling while it is away. PostgreSQL holds the same rule per till (balance per installation, customer and
//   currency never below zero) so the shop book can never show an overdraft either.
export const LATER_TABLES: readonly SyncedTable[] = [
  { table: 'staff', key: ['id'], shopTable: 'shop_staff', omit: ['pin_hash'] },
  { table: 'shift', key: ['id'], shopTable: 'shop_shift' },
  { table: 'shift_float', key: ['shift_id', 'currency'], shopTable: 'shop_shift_float' },
  { table: 'drawer_movement', key: ['id'], shopTable: 'shop_drawer_movement' },
  { table: 'shift_count', key: ['shift_id', 'currency'], shopTable: 'shop_shift_count' },
  // Shop migration 7.
  { table: 'drawer_no_sale', key: ['id'], shopTable: 'shop_drawer_no_sale' },
  { table: 'order_discount', key: ['id'], shopTable: 'shop_order_discount' },
  { table: 'refund_line', key: ['order_id', 'course_id'], shopTable: 'shop_refund_line' },
  {
    table: 'credit_entry',
    key: ['id'],
    shopTable: 'shop_credit_entry',
    extras: { email: '(SELECT email FROM account WHERE id = NEW.account_id)' },
  },
  {
    table: 'recurring_payment',
    key: ['id'],
    shopTable: 'shop_membership',
    extras: { email: '(SELECT email FROM account WHERE id = NEW.account_id)', plan_code: '(SELECT code FROM membership_plan WHERE id = NEW.plan_id)' },
  },
  {
    table: 'installment_plan',
    key: ['id'],
    shopTable: 'shop_installment_plan',
    extras: { email: '(SELECT email FROM account WHERE id = NEW.account_id)', course_code: '(SELECT code FROM course WHERE id = NEW.course_id)' },
  },
  { table: 'installment_charge', key: ['id'], shopTable: 'shop_installment_charge' },
  { table: 'external_payment', key: ['id'], shopTable: 'shop_inbox_payment' },
]
