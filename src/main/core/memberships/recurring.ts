import type { MembershipCheckout } from '@shared/recurring'
import type { CoreContext } from '../context'
import type { CardPayments } from '../payments/card-payment'
import type { Refunds } from '../payments/refunds'
import type { StripeGateway } from '../stripe/gateway'
import { cancelAtPeriodEnd, cancelNow } from './cancel-membership'
import { startMembership } from './start-membership'

/** Memberships' Stripe-side work, for the account in use (replaced with it when keys change). */
export function createRecurring(ctx: CoreContext, gateway: StripeGateway, refunds: Refunds, payments: CardPayments) {
  // One start per customer and plan at a time: a double click waits for the first and gets the same checkout.
  const starting = new Map<string, Promise<MembershipCheckout>>()
  return {
    startMembership(input: { accountId: number; planId: number; actor: string }): Promise<MembershipCheckout> {
      const key = `${input.accountId}:${input.planId}`
      const running = starting.get(key)
      if (running) return running
      const started = startMembership(ctx, gateway, input).finally(() => starting.delete(key))
      starting.set(key, started)
      return started
    },
    cancelAtPeriodEnd: (input: { membershipId: number; cancel: boolean; actor: string }) => cancelAtPeriodEnd(ctx, gateway, input),
    cancelNow: (input: { membershipId: number; refundLastPeriod: boolean; actor: string }) => cancelNow(ctx, gateway, refunds, input),
    /** Closes the open intents of orders a new installment payment replaced. */
    closeReplaced: (orderIds: number[]) => Promise.all(orderIds.map((id) => payments.cancelOpenIntents(id))),
  }
}

export type Recurring = ReturnType<typeof createRecurring>
