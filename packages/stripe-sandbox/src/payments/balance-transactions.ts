// The balance transaction behind a succeeded charge or refund: what `expand[]=balance_transaction` shows.
// Fees are not modelled (the sandbox has no pricing plan): fee 0, net = amount, available at once.

import type Stripe from 'stripe'
import type { Ctx } from '../context'
import { newId } from '../store/ids'

export function recordBalanceTransaction(
  ctx: Ctx,
  source: { id: string; amount: number; currency: string; created: number; description: string | null },
  type: 'charge' | 'refund',
): Stripe.BalanceTransaction {
  const amount = type === 'refund' ? -source.amount : source.amount
  const transaction: Stripe.BalanceTransaction = {
    id: newId('txn'),
    object: 'balance_transaction',
    amount,
    available_on: source.created,
    balance_type: 'payments',
    created: source.created,
    currency: source.currency,
    description: source.description,
    exchange_rate: null,
    fee: 0,
    fee_details: [],
    net: amount,
    reporting_category: type,
    source: source.id,
    status: 'available',
    type,
  }
  return ctx.core.store.insert('balance_transaction', transaction)
}
