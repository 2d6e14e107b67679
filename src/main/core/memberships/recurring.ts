import type { MembershipCheckout } from '@shared/recurring'
import type { CoreContext } from '../context'
import type { CardPayments } from '../payments/card-payment'
import type { Refunds } from '../payments/refunds'
import type { StripeGateway } from '../stripe/gateway'
import { cancelAtPeriodEnd, cancelNow } from './cancel-membership'
import { startMembership } from './start-membership'

/** Memberships' Stripe-side work, for the account in use (replaced with it when keys change). */
export function createRecurring(ctx: CoreContext, gateway: StripeGateway, refunds: Refunds, payments: CardPayments) {
  return {
    /** A double click reuses the unpaid membership, and the subscription's idempotency key makes Stripe replay it. */
    startMembership: (input: { accountId: number; planId: number; actor: string }): Promise<MembershipCheckout> => startMembership(ctx, gateway, input),
    cancelAtPeriodEnd: (input: { membershipId: number; cancel: boolean; actor: string }) => cancelAtPeriodEnd(ctx, gateway, input),
    cancelNow: (input: { membershipId: number; refundLastPeriod: boolean; actor: string }) => cancelNow(ctx, gateway, refunds, input),
    /** Closes the open intents of orders a new installment payment replaced. */
    closeReplaced: (orderIds: number[]) => Promise.all(orderIds.map((id) => payments.cancelOpenIntents(id))),
  }
}

export type Recurring = ReturnType<typeof createRecurring>
