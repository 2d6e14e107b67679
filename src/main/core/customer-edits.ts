import type { customerChannels } from '@shared/contract/customers'
import type { Account } from '@shared/domain'
import { conflict, invalidInput, notFound } from '@shared/errors'
import { getAccount } from './accounts'
import { STAFF, type HandlerDeps, type HandlersFor } from './api/handler-types'
import { audit } from './audit'
import { inTransaction, type CoreContext } from './context'
import { sql } from './store/statements'

// Correcting a customer's name, email or phone. The change is audited with what it replaced; edited_at (the
// fields' version) is what shop mode compares so the latest edit wins at every till (shop/customer-edits-sync.ts).
// Errors name the field they are about (details.field) so the edit dialog can show them beside it.

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const PHONE = /^[+\d][\d\s().-]{2,39}$/

export interface AccountEdit {
  customerId: number
  email?: string
  name?: string
  phone?: string | null
  actor: string
}

export function updateAccount(ctx: CoreContext, input: AccountEdit): Account {
  const email = input.email?.trim().toLowerCase()
  const name = input.name?.trim()
  const phone = input.phone === undefined ? undefined : input.phone?.trim() || null
  if (email !== undefined && (!EMAIL.test(email) || email.length > 254)) throw invalidInput(`"${input.email}" is not an email address`, { field: 'email' })
  if (name !== undefined && (name.length === 0 || name.length > 200)) throw invalidInput('A customer needs a name (up to 200 characters)', { field: 'name' })
  if (phone && !PHONE.test(phone)) throw invalidInput(`"${phone}" is not a phone number`, { field: 'phone' })
  return inTransaction(ctx, () => {
    const { db } = ctx
    const before = sql(db, 'SELECT email, name, phone FROM account WHERE id = ?').get(input.customerId) as { email: string; name: string; phone: string | null } | undefined
    if (!before) throw notFound(`No customer ${input.customerId}`)
    const after = { email: email ?? before.email, name: name ?? before.name, phone: phone === undefined ? before.phone : phone }
    if (after.email === before.email && after.name === before.name && after.phone === before.phone) return getAccount(db, input.customerId)!
    if (after.email !== before.email && sql(db, 'SELECT 1 FROM account WHERE email = ? AND id <> ?').get(after.email, input.customerId)) {
      throw conflict(`A customer with the email ${after.email} already exists`, { field: 'email' })
    }
    const now = ctx.now()
    sql(db, 'UPDATE account SET email = ?, name = ?, phone = ?, edited_at = ?, updated_at = ? WHERE id = ?').run(after.email, after.name, after.phone, now, now, input.customerId)
    audit(db, now, { actor: input.actor, action: 'account.updated', entityType: 'account', entityId: input.customerId, detail: { before, after } })
    return getAccount(db, input.customerId)!
  })
}

export function customerEditHandlers({ ctx }: Pick<HandlerDeps, 'ctx'>): HandlersFor<typeof customerChannels> {
  return { 'customers:update': (input) => updateAccount(ctx, { ...input, actor: STAFF }) }
}
