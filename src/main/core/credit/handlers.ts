import type { creditChannels } from '@shared/contract/credit'
import type { OrderDetail } from '@shared/domain'
import { MANAGER, STAFF, type HandlerDeps, type HandlersFor } from '../api/handler-types'
import { adjustCredit } from './adjust'
import { createCoupon, listCoupons, redeemCoupon } from './coupons'
import { customerCredit } from './customer-credit'
import { referralRules, setReferralRules } from './referral-rules'
import { payWithCredit } from './tender'
import { creditExpiryDays, setCreditExpiryDays } from './expiry'

export function creditHandlers({ ctx, log, cardPayments }: Pick<HandlerDeps, 'ctx' | 'log' | 'cardPayments'>): HandlersFor<typeof creditChannels> {
  const { db } = ctx
  // Credit that pays the rest in full leaves the order's open intents with nothing to take: close them at Stripe
  // without holding up the answer (as cash does in sales-handlers.ts).
  const withIntentsClosed = (order: OrderDetail): OrderDetail => {
    if (order.amountDue === 0) {
      cardPayments()
        .cancelOpenIntents(order.id)
        .catch((error: unknown) => log.warn('payment.cancel_open_intents_failed', { orderId: order.id, error }))
    }
    return order
  }
  return {
    'credit:get': (input) => customerCredit(db, input.customerId),
    'credit:apply': (input) => withIntentsClosed(payWithCredit(ctx, { ...input, actor: STAFF })),
    'credit:adjust': ({ managerToken: _token, ...input }) => {
      adjustCredit(ctx, { ...input, actor: MANAGER })
      return customerCredit(db, input.customerId)
    },
    'coupons:redeem': (input) => {
      redeemCoupon(ctx, { ...input, actor: STAFF })
      return customerCredit(db, input.customerId)
    },
    'coupons:list': () => listCoupons(db),
    'coupons:create': ({ managerToken: _token, ...input }) => createCoupon(ctx, { ...input, actor: MANAGER }),
    'referrals:rules': () => referralRules(db),
    'referrals:setRules': ({ managerToken: _token, ...rules }) => setReferralRules(ctx, rules, MANAGER),
    'credit:expiry': () => ({ days: creditExpiryDays(db) }),
    'credit:setExpiry': ({ days }) => ({ days: setCreditExpiryDays(ctx, days, MANAGER) }),
  }
}
