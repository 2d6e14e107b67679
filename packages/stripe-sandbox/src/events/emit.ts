import type { Ctx } from '../context'
import { newId } from '../store/ids'
import type { SandboxEvent, StripeObject } from '../store/object-types'
import { endpointWants } from './type-filter'

/**
 * Top-level attributes of `before` that differ in `after`, with their old values: Stripe's
 * `previous_attributes` for `*.updated` events.
 */
export function changedAttributes(before: object, after: object): Record<string, unknown> {
  const old = before as Record<string, unknown>
  const now = after as Record<string, unknown>
  const changed: Record<string, unknown> = {}
  for (const key of new Set([...Object.keys(old), ...Object.keys(now)])) {
    if (JSON.stringify(old[key]) !== JSON.stringify(now[key])) changed[key] = old[key] ?? null
  }
  return changed
}

/**
 * Records an event with a snapshot of `object` as it is now, and schedules its delivery to every
 * enabled endpoint that subscribes to the type.
 */
export function emitEvent(
  ctx: Ctx,
  type: string,
  object: StripeObject,
  previousAttributes?: Record<string, unknown>,
): SandboxEvent {
  const { store } = ctx.core
  const endpoints = store
    .list('webhook_endpoint')
    .filter((endpoint) => endpoint.status === 'enabled' && endpointWants(endpoint.enabled_events, type))
  const event: SandboxEvent = {
    id: newId('evt'),
    object: 'event',
    api_version: ctx.core.apiVersion,
    created: ctx.core.now(),
    data: { object: structuredClone(object), ...(previousAttributes ? { previous_attributes: previousAttributes } : {}) },
    livemode: false,
    pending_webhooks: endpoints.length,
    request: { ...ctx.request },
    type,
  }
  store.insert('event', event)
  if (endpoints.length > 0) {
    ctx.core.scheduleDeliveries(
      event.id,
      endpoints.map((endpoint) => endpoint.id),
    )
  }
  return event
}

/** Emits `<type>` with previous_attributes computed from the two versions; nothing if nothing changed. */
export function emitUpdated(ctx: Ctx, type: string, before: StripeObject, after: StripeObject): void {
  const previous = changedAttributes(before, after)
  if (Object.keys(previous).length > 0) emitEvent(ctx, type, after, previous)
}
