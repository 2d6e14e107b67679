// Advancing a test clock replays what would have happened to its customers' objects in between, in
// time order: subscription renewals (or cancellations at period end) and checkout session expiry.

import type Stripe from 'stripe'
import { expireDueSessions } from '../checkout/sessions'
import type { Ctx } from '../context'
import type { SandboxInvoice } from '../store/object-types'
import { emitEvent } from '../events/emit'
import { invalidRequest } from '../http/errors'
import { liveCustomers } from '../resources/lookup'
import { renewOnce } from './subscriptions'
import { collectInvoice, defaultPaymentMethodFor } from './collect'
import { dueRetries } from './retries'

type TestClock = Stripe.TestHelpers.TestClock

const RENEWING_STATUSES = ['active', 'past_due', 'trialing']
// A guard against advancing daily subscriptions by decades in one request.
const MAX_RENEWALS_PER_ADVANCE = 1000

function setFrozenTime(ctx: Ctx, clock: TestClock, frozenTime: number): TestClock {
  return ctx.core.store.update('test_helpers.test_clock', { ...clock, frozen_time: frozenTime })
}

interface DueRenewal {
  at: number
  subscription: Stripe.Subscription
  customer: Stripe.Customer
  /** Set when what is due is a retry of this failed renewal invoice rather than a new period. */
  retry?: SandboxInvoice
}

function earliestRenewal(ctx: Ctx, customers: Stripe.Customer[], until: number): DueRenewal | undefined {
  let earliest: DueRenewal | undefined
  for (const customer of customers) {
    for (const subscription of ctx.core.store.list('subscription', { field: 'customer', value: customer.id })) {
      const at = subscription.items.data[0]?.current_period_end
      if (at === undefined || at > until || !RENEWING_STATUSES.includes(subscription.status)) continue
      if (!earliest || at < earliest.at) earliest = { at, subscription, customer }
    }
    const subscriptions = ctx.core.store.list('subscription', { field: 'customer', value: customer.id })
    for (const { at, invoice, subscription } of dueRetries(ctx, subscriptions, until)) {
      if (!earliest || at < earliest.at) earliest = { at, subscription, customer, retry: invoice }
    }
  }
  return earliest
}

export function advanceClock(ctx: Ctx, clock: TestClock, target: number): TestClock {
  if (target <= clock.frozen_time) {
    throw invalidRequest('The test clock frozen time must be greater than its current frozen time.', { param: 'frozen_time' })
  }
  const advancing: TestClock = { ...clock, status: 'advancing', status_details: { advancing: { target_frozen_time: target } } }
  emitEvent(ctx, 'test_helpers.test_clock.advancing', advancing)
  let current = clock
  const customers = liveCustomers(ctx).filter((customer) => customer.test_clock === clock.id)
  for (let renewals = 0; ; renewals++) {
    const due = earliestRenewal(ctx, customers, target)
    if (!due) break
    if (renewals >= MAX_RENEWALS_PER_ADVANCE) {
      throw invalidRequest('Cannot advance this far in one step: too many billing periods would pass.', { param: 'frozen_time' })
    }
    current = setFrozenTime(ctx, current, due.at)
    if (due.retry) collectInvoice(ctx, due.retry, defaultPaymentMethodFor(ctx, due.subscription))
    else renewOnce(ctx, due.subscription, due.customer)
  }
  current = setFrozenTime(ctx, current, target)
  expireDueSessions(ctx)
  const ready: TestClock = { ...current, status: 'ready', status_details: {} }
  ctx.core.store.update('test_helpers.test_clock', ready)
  emitEvent(ctx, 'test_helpers.test_clock.ready', ready)
  return ready
}
