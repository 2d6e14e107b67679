import type Stripe from 'stripe'
import type { ApplyContext, ApplyOutcome } from '../payments/apply-intent'
import type { SessionEventType, SessionFacts } from '../checkout/apply-session'

export type SessionWithLines = Stripe.Checkout.Session & { lines: Stripe.LineItem[] }

export function applyExternalSession(_ctx: ApplyContext, _type: SessionEventType, _fresh: SessionWithLines | undefined, _session: SessionFacts): { outcome: ApplyOutcome; orderId: number | null } {
  return { outcome: 'skipped', orderId: null }
}
