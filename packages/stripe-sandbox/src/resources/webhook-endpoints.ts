import type Stripe from 'stripe'
import type { Ctx } from '../context'
import { isValidEventType } from '../events/type-filter'
import { invalidRequest, parameterInvalid, parameterMissing } from '../http/errors'
import { ok, pathParam, type ApiRequest, type ApiRoute, type Reply } from '../http/handler'
import { assertKnownParams, optionalBoolean, optionalString, optionalStringArray, readMetadata } from '../http/params'
import { newId, newWebhookSecret } from '../store/ids'
import { mustGet, retrieveAs, listAllAs } from './lookup'

/** Stripe's cap on webhook endpoints per account (per mode). */
export const MAX_WEBHOOK_ENDPOINTS = 16

export function webhookSecretOf(ctx: Ctx, endpointId: string): string | undefined {
  return ctx.core.store.getPrivate<string>(endpointId, 'secret')
}

function readUrl(request: ApiRequest): string | undefined {
  const url = optionalString(request.params, 'url', 2048)
  if (!url) return undefined
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw parameterInvalid('url', `Invalid URL: ${url}`, 'url_invalid')
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw parameterInvalid('url', `Invalid URL: ${url}. URL must use http or https.`, 'url_invalid')
  }
  return url
}

function readEnabledEvents(request: ApiRequest): string[] | undefined {
  const events = optionalStringArray(request.params, 'enabled_events')
  if (!events || events.length === 0) return undefined
  events.forEach((type, index) => {
    if (!isValidEventType(type)) {
      throw parameterInvalid(`enabled_events[${index}]`, `Invalid enabled_events[${index}]: ${type} is not a valid event type.`)
    }
  })
  return events
}

/** Creates an endpoint; `secret` is fixed by callers that configured one (CLI, startSandbox's `webhook`). */
export function createWebhookEndpoint(
  ctx: Ctx,
  fields: {
    url: string
    enabledEvents: string[]
    description?: string | null
    metadata?: Record<string, string>
    secret?: string
  },
): Stripe.WebhookEndpoint {
  if (ctx.core.store.list('webhook_endpoint').length >= MAX_WEBHOOK_ENDPOINTS) {
    throw invalidRequest(
      `You have reached the maximum of ${MAX_WEBHOOK_ENDPOINTS} test webhook endpoints on this account. Delete an endpoint before creating a new one.`,
      { param: 'url' },
    )
  }
  const endpoint: Stripe.WebhookEndpoint = {
    id: newId('we'),
    object: 'webhook_endpoint',
    api_version: null,
    application: null,
    created: ctx.core.now(),
    description: fields.description ?? null,
    enabled_events: fields.enabledEvents,
    livemode: false,
    metadata: fields.metadata ?? {},
    status: 'enabled',
    url: fields.url,
  }
  const secret = fields.secret ?? newWebhookSecret()
  ctx.core.store.insert('webhook_endpoint', endpoint)
  ctx.core.store.setPrivate(endpoint.id, 'secret', secret)
  return { ...endpoint, secret }
}

/**
 * An endpoint's payloads follow its API version. The sandbox renders one version (the SDK it is built with), so
 * it refuses an endpoint for another rather than send it shapes it did not ask for.
 */
function readApiVersion(request: ApiRequest): string | undefined {
  const version = optionalString(request.params, 'api_version')
  if (version === undefined || version === null) return undefined
  if (!/^\d{4}-\d{2}-\d{2}(?:\.[a-z]+)?$/.test(version)) {
    throw parameterInvalid('api_version', `Invalid API version: ${version}`)
  }
  if (version !== request.core.apiVersion) {
    throw parameterInvalid(
      'api_version',
      `The Stripe sandbox renders events in API version ${request.core.apiVersion} only, so it cannot serve an endpoint for ${version}.`,
    )
  }
  return version
}

function create(request: ApiRequest): Reply {
  assertKnownParams(request.params, ['url', 'enabled_events', 'description', 'metadata', 'api_version'])
  const url = readUrl(request)
  if (!url) throw parameterMissing('url')
  const enabledEvents = readEnabledEvents(request)
  if (!enabledEvents) throw parameterMissing('enabled_events')
  const apiVersion = readApiVersion(request)
  const endpoint = createWebhookEndpoint(request, {
    url,
    enabledEvents,
    description: optionalString(request.params, 'description') ?? null,
    metadata: readMetadata(request.params),
  })
  if (!apiVersion) return ok(endpoint)
  const { secret: _secret, ...stored } = endpoint
  request.core.store.update('webhook_endpoint', { ...stored, api_version: apiVersion })
  return ok({ ...endpoint, api_version: apiVersion })
}

function update(request: ApiRequest): Reply {
  assertKnownParams(request.params, ['url', 'enabled_events', 'description', 'metadata', 'disabled'])
  const before = mustGet(request, 'webhook_endpoint', pathParam(request))
  const disabled = optionalBoolean(request.params, 'disabled')
  const description = optionalString(request.params, 'description')
  const after: Stripe.WebhookEndpoint = {
    ...before,
    url: readUrl(request) ?? before.url,
    enabled_events: readEnabledEvents(request) ?? before.enabled_events,
    description: description === undefined ? before.description : description,
    metadata: readMetadata(request.params, before.metadata),
    status: disabled === undefined ? before.status : disabled ? 'disabled' : 'enabled',
  }
  request.core.store.update('webhook_endpoint', after)
  return ok(after)
}

function remove(request: ApiRequest): Reply {
  assertKnownParams(request.params, [])
  const endpoint = mustGet(request, 'webhook_endpoint', pathParam(request))
  request.core.store.remove('webhook_endpoint', endpoint.id)
  const deleted: Stripe.DeletedWebhookEndpoint = { id: endpoint.id, object: 'webhook_endpoint', deleted: true }
  return ok(deleted)
}

export const webhookEndpointRoutes: ApiRoute[] = [
  { method: 'POST', path: '/v1/webhook_endpoints', handler: create },
  { method: 'GET', path: '/v1/webhook_endpoints', handler: listAllAs('webhook_endpoint', '/v1/webhook_endpoints') },
  { method: 'GET', path: '/v1/webhook_endpoints/:id', handler: retrieveAs('webhook_endpoint') },
  { method: 'POST', path: '/v1/webhook_endpoints/:id', handler: update },
  { method: 'DELETE', path: '/v1/webhook_endpoints/:id', handler: remove },
]
