import type Stripe from 'stripe'
import { SUBSCRIBED_EVENTS } from '../payments/subscribed-events'
import { call, toAppError } from './gateway'

/** Marks the endpoints CourseTill manages, so it never touches one a person made in the Stripe dashboard. */
export const MANAGED_METADATA_KEY = 'coursetill_managed'

export interface ManagedEndpoint {
  id: string
  secret: string
}

/** Where the managed endpoint's id and signing secret are kept (encrypted with real keys, step 5). */
export interface EndpointVault {
  load(): ManagedEndpoint | null
  save(endpoint: ManagedEndpoint): void
}

/**
 * Makes sure exactly one endpoint of ours points at `url` with the subscribed events: reuses the saved one
 * (updating its URL or events if they changed), recreates it if Stripe lost it, and deletes stale ones we made earlier.
 */
export async function ensureWebhookEndpoint(stripe: Stripe, vault: EndpointVault, url: string): Promise<ManagedEndpoint> {
  const saved = vault.load()
  if (saved) {
    const current = await retrieveOrNull(stripe, saved.id)
    if (current) {
      const sameEvents = sameSet(current.enabled_events, SUBSCRIBED_EVENTS)
      if (current.url !== url || !sameEvents || current.status !== 'enabled') {
        await call(() => stripe.webhookEndpoints.update(saved.id, { url, enabled_events: [...SUBSCRIBED_EVENTS], disabled: false }))
      }
      await deleteStale(stripe, saved.id)
      return saved
    }
  }
  await deleteStale(stripe, null)
  const created = await call(() =>
    stripe.webhookEndpoints.create({
      url,
      enabled_events: [...SUBSCRIBED_EVENTS],
      description: 'CourseTill till (managed automatically)',
      metadata: { [MANAGED_METADATA_KEY]: 'true' },
    }),
  )
  if (!created.secret) throw new Error('Stripe created the webhook endpoint without returning its signing secret')
  const endpoint = { id: created.id, secret: created.secret }
  vault.save(endpoint)
  return endpoint
}

async function retrieveOrNull(stripe: Stripe, id: string): Promise<Stripe.WebhookEndpoint | null> {
  try {
    return await stripe.webhookEndpoints.retrieve(id)
  } catch (error) {
    if ((error as { code?: string }).code === 'resource_missing') return null
    throw toAppError(error)
  }
}

async function deleteStale(stripe: Stripe, keepId: string | null) {
  for await (const endpoint of stripe.webhookEndpoints.list({ limit: 100 })) {
    if (endpoint.id !== keepId && endpoint.metadata?.[MANAGED_METADATA_KEY] === 'true') {
      await call(() => stripe.webhookEndpoints.del(endpoint.id))
    }
  }
}

function sameSet(a: readonly string[], b: readonly string[]) {
  return a.length === b.length && b.every((item) => a.includes(item))
}
