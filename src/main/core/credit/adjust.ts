import type { LiveEvent } from '@shared/domain'
import { conflict, invalidInput } from '@shared/errors'
import { formatMoney, isCurrencyCode } from '@shared/money'
import { audit } from '../audit'
import { inTransaction, type CoreContext } from '../context'
import { sql } from '../store/statements'
import { addCreditEntry, assertCustomer, creditBalance } from './ledger'
import { expireDueCredit } from './expiry'

export interface CreditAdjustment {
  customerId: number
  currency: string
  /** Signed minor units: positive adds credit, negative takes it away (never below zero). */
  amount: number
  reason: string
  actor: string
  /** One per dialog submission: a double click adjusts once. */
  requestKey: string
}

/** A manager's correction of a balance: an 'adjust' entry with its reason, audited with who and why. */
export function adjustCredit(ctx: CoreContext, input: CreditAdjustment): void {
  const reason = input.reason.trim()
  if (!Number.isSafeInteger(input.amount) || input.amount === 0) throw invalidInput('An adjustment is a whole, non-zero amount of minor units')
  if (!isCurrencyCode(input.currency)) throw invalidInput(`"${input.currency}" is not an ISO currency code`)
  if (reason.length < 3) throw invalidInput('An adjustment needs a reason')
  inTransaction(ctx, (queue: (e: LiveEvent) => void) => {
    const { db } = ctx
    assertCustomer(db, input.customerId)
    const earlier = sql(db, 'SELECT account_id AS accountId, currency, amount FROM credit_entry WHERE request_key = ?').get(input.requestKey) as
      | { accountId: number; currency: string; amount: number }
      | undefined
    if (earlier) {
      if (earlier.accountId !== input.customerId || earlier.currency !== input.currency || earlier.amount !== input.amount) {
        throw conflict('This adjustment request was already used for another adjustment; nothing was changed now')
      }
      return
    }
    expireDueCredit(db, ctx.now(), queue, { accountId: input.customerId, currency: input.currency })
    const balance = creditBalance(db, input.customerId, input.currency)
    if (balance + input.amount < 0) throw conflict(`The balance is ${formatMoney(balance, input.currency)}; at most that can be taken away`, { balance })
    const now = ctx.now()
    const entryId = addCreditEntry(db, now, { accountId: input.customerId, currency: input.currency, kind: 'adjust', amount: input.amount, source: 'manager', reason, actor: input.actor, requestKey: input.requestKey })
    audit(db, now, { actor: input.actor, action: 'credit.adjusted', entityType: 'account', entityId: input.customerId, detail: { entryId, amount: input.amount, currency: input.currency, reason, balance: balance + input.amount } })
    queue({ type: 'credit.changed', accountId: input.customerId })
  })
}
