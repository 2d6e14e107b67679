import type { EventHandler } from '../payments/event-handlers'
import { applySession, type SessionEventType, type SessionFacts } from './apply-session'
import { applyExternalSession, type SessionWithLines } from '../external/apply-external'

/**
 * checkout.session.completed / async_payment_succeeded / async_payment_failed / expired. Our pay links are
 * settled from the payload (a session's completion and expiry are final); a session naming no till is an
 * external payment, which needs its line items: read once, then applied.
 */
export const sessionEvent: EventHandler = {
  apply(ctx, event, fresh) {
    const session = (fresh ?? event.data.object) as SessionFacts
    const applied = applySession(ctx, session, event.type as SessionEventType)
    if (applied !== 'none') return applied
    return applyExternalSession(ctx, event.type as SessionEventType, fresh as SessionWithLines | undefined, session)
  },
  refetch: (reader, event) => reader.retrieveSessionWithLines(event.data.object.id),
}
