// Payments that settle later: the intent sits in `processing` (Stripe's state for delayed payment methods,
// and briefly for some cards) until a background sweep settles it as succeeded.

import type Stripe from 'stripe'
import type { Ctx } from '../context'
import { automaticCtx, type SandboxCore } from '../context'
import { emitEvent } from '../events/emit'
import { ok, type Reply } from '../http/handler'
import { succeed } from './confirm'
import { afterIntentProcessing } from './after-payment'

/** How long a delayed payment stays in processing, in the sandbox clock's seconds. */
export const PROCESSING_SECONDS = 3
const SETTLE_AT = 'settle_at'

export function startProcessing(ctx: Ctx, pi: Stripe.PaymentIntent, pm: Stripe.PaymentMethod): Reply {
  const pending = ctx.core.store.update('payment_intent', {
    ...pi,
    status: 'processing',
    payment_method: pm.id,
    last_payment_error: null,
    next_action: null,
  })
  ctx.core.store.setPrivate(pi.id, SETTLE_AT, ctx.core.now() + PROCESSING_SECONDS)
  emitEvent(ctx, 'payment_intent.processing', pending)
  afterIntentProcessing(ctx, pending)
  return ok(pending)
}

/** Sweep: every processing payment whose time has come succeeds (charge.succeeded, payment_intent.succeeded). */
export function settleProcessingSweep(core: SandboxCore): void {
  const due = core.db
    .prepare<[string, number], { owner_id: string }>(`SELECT owner_id FROM private_data WHERE key = ? AND CAST(data AS INTEGER) <= ?`)
    .all(SETTLE_AT, core.now())
  const ctx = automaticCtx(core)
  for (const { owner_id: id } of due) {
    core.db.prepare('DELETE FROM private_data WHERE owner_id = ? AND key = ?').run(id, SETTLE_AT)
    const pi = core.store.get('payment_intent', id)
    if (!pi || pi.status !== 'processing' || typeof pi.payment_method !== 'string') continue
    const pm = core.store.get('payment_method', pi.payment_method)
    if (pm) succeed(ctx, pi, pm)
  }
}
