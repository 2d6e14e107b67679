// Glue between the stores and the webhook worker, kept out of index.ts so that file is only the public API.

import { automaticCtx, type SandboxCore } from './context'
import type { DeliverySource } from './delivery/worker'
import { withPendingWebhooks } from './resources/events'
import { createWebhookEndpoint, webhookSecretOf } from './resources/webhook-endpoints'

export function deliverySource(core: SandboxCore): DeliverySource {
  const ctx = automaticCtx(core)
  return {
    payload(eventId) {
      const event = core.store.get('event', eventId)
      // Stripe sends pretty-printed JSON; receivers must verify the exact bytes, so this string is the body.
      return event ? JSON.stringify(withPendingWebhooks(core, event), null, 2) : undefined
    },
    target(endpointId) {
      const endpoint = core.store.get('webhook_endpoint', endpointId)
      const secret = webhookSecretOf(ctx, endpointId)
      return endpoint && endpoint.status === 'enabled' && secret ? { url: endpoint.url, secret } : undefined
    },
  }
}

/**
 * The `webhook` start option: an endpoint for every event type at `url`. Reused across restarts of a
 * file-backed sandbox (matched by URL) instead of piling up duplicates; a given secret replaces the old one.
 */
export function ensureWebhookEndpoint(core: SandboxCore, webhook: { url: string; secret?: string }): void {
  const ctx = automaticCtx(core)
  const existing = core.store
    .list('webhook_endpoint')
    .find((endpoint) => endpoint.url === webhook.url && endpoint.enabled_events.includes('*'))
  if (!existing) {
    createWebhookEndpoint(ctx, {
      url: webhook.url,
      enabledEvents: ['*'],
      description: 'Registered by startSandbox',
      ...(webhook.secret ? { secret: webhook.secret } : {}),
    })
    return
  }
  if (webhook.secret) core.store.setPrivate(existing.id, 'secret', webhook.secret)
  if (existing.status !== 'enabled') core.store.update('webhook_endpoint', { ...existing, status: 'enabled' })
}
