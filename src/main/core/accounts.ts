import type { Account } from '@shared/domain'
import { conflict, invalidInput } from '@shared/errors'
import { audit } from './audit'
import { inTransaction, type CoreContext } from './context'
import type { Db } from './store/db'
import { sql } from './store/statements'
import { foldText } from '@shared/fold-text'
import { recordReferral } from './credit/referrals'

const ACCOUNT_COLUMNS = 'id, email, name, phone, stripe_customer_id AS stripeCustomerId, created_at AS createdAt'
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

export interface NewAccount {
  email: string
  name: string
  phone?: string | null
  /** Another customer's referral code (credit/referrals.ts). */
  referralCode?: string | null
  actor: string
}

export function createAccount(ctx: CoreContext, input: NewAccount): Account {
  const email = input.email.trim().toLowerCase()
  const name = input.name.trim()
  const phone = input.phone?.trim() || null
  if (!EMAIL.test(email) || email.length > 254) throw invalidInput(`"${input.email}" is not an email address`)
  if (name.length === 0 || name.length > 200) throw invalidInput('A customer needs a name (up to 200 characters)')
  if (phone !== null && !/^[+\d][\d\s().-]{2,39}$/.test(phone)) throw invalidInput(`"${phone}" is not a phone number`)
  return inTransaction(ctx, () => {
    const { db } = ctx
    if (sql(db, 'SELECT 1 FROM account WHERE email = ?').get(email)) {
      throw conflict(`A customer with the email ${email} already exists`)
    }
    const now = ctx.now()
    const id = Number(
      sql(db, 'INSERT INTO account (email, name, phone, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(
        email,
        name,
        phone,
        now,
        now,
      ).lastInsertRowid,
    )
    audit(db, now, { actor: input.actor, action: 'account.created', entityType: 'account', entityId: id, detail: { email } })
    // An unknown code refuses the whole creation: the customer is not made without the referral staff meant.
    if (input.referralCode?.trim()) recordReferral(db, now, id, input.referralCode, input.actor)
    return getAccount(db, id)!
  })
}

export function getAccount(db: Db, id: number): Account | undefined {
  return sql(db, `SELECT ${ACCOUNT_COLUMNS} FROM account WHERE id = ?`).get(id) as Account | undefined
}

/** Customers whose name or email contains the query, best matches (prefix) first. */
export function searchAccounts(db: Db, query = '', limit = 20): Account[] {
  const needle = foldText(query.trim())
  if (needle === '') return sql(db, `SELECT ${ACCOUNT_COLUMNS} FROM account ORDER BY name COLLATE NOCASE LIMIT ?`).all(limit) as Account[]
  const pattern = `%${escapeLike(needle)}%`
  const prefix = `${escapeLike(needle)}%`
  return sql(
    db,
    `SELECT ${ACCOUNT_COLUMNS} FROM account
      WHERE fold(name) LIKE ? ESCAPE '\\' OR email LIKE ? ESCAPE '\\'
      ORDER BY (fold(name) LIKE ? ESCAPE '\\' OR email LIKE ? ESCAPE '\\') DESC, name COLLATE NOCASE
      LIMIT ?`,
  ).all(pattern, pattern, prefix, prefix, limit) as Account[]
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`)
}
