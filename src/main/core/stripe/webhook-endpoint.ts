import type Stripe from 'stripe'
import { STRIPE_API_VERSION } from './api-version'
import { AppError } from '@shared/errors'
import { SUBSCRIBED_EVENTS } from '../payments/subscribed-events'
import { call, toAppError } from './gateway'
import { INSTALL_METADATA_KEY } from './installation-scope'

/** Marks the endpoints CourseTill manages, so it never touches one a person made in the Stripe dashboard. */
export const MANAGED_METADATA_KEY = 'coursetill_managed'
/**
 * Which installation made it (INSTALL_METADATA_KEY): two tills on one Stripe account (two counters) each manage
 * their own endpoint, and clean up only their own stale ones, never each other's.
 */
export { INSTALL_METADATA_KEY }
/** Stripe's cap on webhook endpoints per account and mode. */
export const STRIPE_ENDPOINT_LIMIT = 16

export interface ManagedEndpoint {
  id: string
  secret: string
}

/** Where the managed endpoint's id and signing secret are kept (encrypted with real keys). */
export interface EndpointVault {
  load(): ManagedEndpoint | null
  save(endpoint: ManagedEndpoint): void
}

export interface EnsuredEndpoint {
  endpoint: ManagedEndpoint
  action: 'created' | 'updated' | 'unchanged'
  /** Ids of stale endpoints of ours that were deleted. */
  removed: string[]
}

export class EndpointLimitError extends AppError {
  constructor() {
    super(
      'conflict',
      `This Stripe account already has the maximum of ${STRIPE_ENDPOINT_LIMIT} webhook endpoints, so CourseTill could not add its own: ` +
        'delete unused ones in the Stripe dashboard (Developers → Webhooks); until then the till relies on the direct check and catch-up',
    )
  }
}

/**
 * Makes sure exactly one endpoint of ours points at `url` with the subscribed events: reuses the saved one
 * (updating its URL or events if they changed), recreates it if Stripe lost it, and deletes stale ones we made earlier.
 */
export async function ensureWebhookEndpoint(stripe: Stripe, vault: EndpointVault, url: string, installId: string): Promise<EnsuredEndpoint> {
  const metadata = { [MANAGED_METADATA_KEY]: 'true', [INSTALL_METADATA_KEY]: installId }
  const saved = vault.load()
  const current = saved ? await retrieveOrNull(stripe, saved.id) : null
  // Payloads follow the endpoint's API version, which cannot be changed: one made for another version is replaced.
  if (saved && current && current.api_version === STRIPE_API_VERSION) {
    const upToDate =
      current.url === url && sameSet(current.enabled_events, SUBSCRIBED_EVENTS) && current.status === 'enabled' && current.metadata?.[INSTALL_METADATA_KEY] === installId
    if (!upToDate) {
      await call(() => stripe.webhookEndpoints.update(saved.id, { url, enabled_events: [...SUBSCRIBED_EVENTS], disabled: false, metadata }))
    }
    const { removed } = await deleteStale(stripe, saved.id, installId)
    return { endpoint: saved, action: upToDate ? 'unchanged' : 'updated', removed }
  }
  const { removed, remaining } = await deleteStale(stripe, null, installId)
  if (remaining >= STRIPE_ENDPOINT_LIMIT) throw new EndpointLimitError()
  let created: Stripe.WebhookEndpoint
  try {
    created = await stripe.webhookEndpoints.create({
      url,
      enabled_events: [...SUBSCRIBED_EVENTS],
      description: 'CourseTill till (managed automatically)',
      metadata,
      // The SDK's pinned version, which the till's types describe; without it, the account's default applies.
      api_version: STRIPE_API_VERSION as Stripe.WebhookEndpointCreateParams.ApiVersion,
    })
  } catch (error) {
    // Someone may have added endpoints between our count and the create: Stripe's own refusal says the same.
    if (/maximum of \d+ .*webhook endpoints/i.test((error as Error).message ?? '')) throw new EndpointLimitError()
    throw toAppError(error)
  }
  if (!created.secret) throw new Error('Stripe created the webhook endpoint without returning its signing secret')
  const endpoint = { id: created.id, secret: created.secret }
  vault.save(endpoint)
  return { endpoint, action: 'created', removed }
}

async function retrieveOrNull(stripe: Stripe, id: string): Promise<Stripe.WebhookEndpoint | null> {
  try {
    return await stripe.webhookEndpoints.retrieve(id)
  } catch (error) {
    if ((error as { code?: string }).code === 'resource_missing') return null
    throw toAppError(error)
  }
}

/** Lists every endpoint first and deletes afterwards, so deleting never shifts the page being read. */
async function deleteStale(stripe: Stripe, keepId: string | null, installId: string) {
  const all: Stripe.WebhookEndpoint[] = []
  for await (const endpoint of stripe.webhookEndpoints.list({ limit: 100 })) all.push(endpoint)
  const stale = all.filter(
    (endpoint) =>
      endpoint.id !== keepId && endpoint.metadata?.[MANAGED_METADATA_KEY] === 'true' && endpoint.metadata?.[INSTALL_METADATA_KEY] === installId,
  )
  for (const endpoint of stale) {
    try {
      await stripe.webhookEndpoints.del(endpoint.id)
    } catch (error) {
      if ((error as { code?: string }).code !== 'resource_missing') throw toAppError(error)
    }
  }
  return { removed: stale.map((endpoint) => endpoint.id), remaining: all.length - stale.length }
}

function sameSet(a: readonly string[], b: readonly string[]) {
  return a.length === b.length && b.every((item) => a.includes(item))
}
