import { audit } from '../audit'
import type { Db } from '../store/db'

// One person, one customer, and the latest edit of their name, email and phone at every till (shop migration 6).
// A person pulled from the shop is this till's customer when the shop says so (own_account: a row this till
// pushed for the person), when it was pulled before (shop_account_origin), or by its email, current or previous
// (an email changed at another till). An unknown person becomes a local customer, linked, so it is pushed back as
// a link and not counted as a merge. A known one takes the person's fields when the shop's version is newer than
// the customer's own (edited_at): an edit made here and not pushed yet is newer, and wins when it lands.

export const PERSON_PULL_QUERY = `
  SELECT p.id, p.email, p.name, p.phone, p.created_at, p.version_at, p.previous_email, p.shop_seq,
         (SELECT min(a.id) FROM shop_account a WHERE a.installation = $3 AND a.person_id = p.id AND NOT a.deleted) AS own_account
    FROM shop_person p WHERE p.shop_seq > $1 ORDER BY p.shop_seq LIMIT $2`

interface PulledPerson {
  id: number
  email: string
  name: string
  phone: string | null
  created_at: number
  version_at: number
  previous_email: string | null
  own_account: number | null
}

interface LocalCustomer {
  id: number
  email: string
  name: string
  phone: string | null
  edited_at: number | null
}

export function applyPulledPeople(db: Db, rows: readonly Record<string, unknown>[], now: number): void {
  const byId = db.prepare('SELECT id, email, name, phone, edited_at FROM account WHERE id = ?')
  const byEmail = db.prepare('SELECT id, email, name, phone, edited_at FROM account WHERE email = ? COLLATE NOCASE')
  const byOrigin = db.prepare('SELECT a.id, a.email, a.name, a.phone, a.edited_at FROM shop_account_origin o JOIN account a ON a.id = o.account_id WHERE o.person_id = ?')
  const insert = db.prepare('INSERT INTO account (id, email, name, phone, created_at, updated_at, edited_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
  const link = db.prepare('INSERT INTO shop_account_origin (account_id, person_id) VALUES (?, ?)')
  const nextId = db.prepare('SELECT coalesce(max(id), 0) + 1 FROM account').pluck()
  for (const row of rows) {
    const person = row as unknown as PulledPerson
    const local = ((person.own_account !== null ? byId.get(person.own_account) : undefined) ??
      byOrigin.get(person.id) ??
      byEmail.get(person.email) ??
      (person.previous_email !== null ? byEmail.get(person.previous_email) : undefined)) as LocalCustomer | undefined
    if (local) {
      takeEdit(db, local, person, now)
      continue
    }
    // The origin row is written first, under the id the account will get: the account's outbox trigger reads it.
    const id = nextId.get() as number
    link.run(id, person.id)
    insert.run(id, person.email, person.name, person.phone, person.created_at || now, now, person.version_at || null)
  }
}

function takeEdit(db: Db, local: LocalCustomer, person: PulledPerson, now: number): void {
  if (person.version_at <= (local.edited_at ?? 0)) return
  const sameEmail = local.email.toLowerCase() === person.email.toLowerCase()
  // An email another customer here already has stays with them (this till's own merge is a person's call).
  const emailFree = sameEmail || db.prepare('SELECT 1 FROM account WHERE email = ? COLLATE NOCASE AND id <> ?').get(person.email, local.id) === undefined
  const after = { email: emailFree ? person.email : local.email, name: person.name, phone: person.phone }
  if (after.email === local.email && after.name === local.name && after.phone === local.phone) return
  db.prepare('UPDATE account SET email = ?, name = ?, phone = ?, edited_at = ?, updated_at = ? WHERE id = ?').run(after.email, after.name, after.phone, person.version_at, now, local.id)
  if (after.email !== local.email) {
    // Other tills' orders and grants held here name the customer by email: they follow the new one.
    db.prepare('UPDATE shop_grant_copy SET email = ? WHERE email = ?').run(after.email, local.email)
    db.prepare('UPDATE shop_order_copy SET email = ? WHERE email = ?').run(after.email, local.email)
  }
  audit(db, now, {
    actor: 'shop',
    action: 'account.updated_from_shop',
    entityType: 'account',
    entityId: local.id,
    detail: { before: { email: local.email, name: local.name, phone: local.phone }, after, version: person.version_at },
  })
}
