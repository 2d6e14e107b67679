import type { SandboxCore } from '../context'
import { typeMatches } from '../events/type-filter'
import { invalidRequest } from '../http/errors'
import { ok, pathParam, type ApiRequest, type ApiRoute, type Reply } from '../http/handler'
import { assertKnownParams, optionalBoolean, optionalString, optionalStringArray } from '../http/params'
import type { SandboxEvent } from '../store/object-types'
import { listReply, mustGet } from './lookup'

/** The stored event with `pending_webhooks` as it stands now (endpoints that have not acknowledged it). */
export function withPendingWebhooks(core: SandboxCore, event: SandboxEvent): SandboxEvent {
  return { ...event, pending_webhooks: core.webhookStatus.undeliveredEndpointCount(event.id) }
}

function retrieve(request: ApiRequest): Reply {
  assertKnownParams(request.params, [])
  return ok(withPendingWebhooks(request.core, mustGet(request, 'event', pathParam(request))))
}

function readTypeFilter(request: ApiRequest): string[] | undefined {
  const type = optionalString(request.params, 'type')
  const types = optionalStringArray(request.params, 'types')
  if (type && types) throw invalidRequest('You may only specify one of these parameters: type, types.', { param: 'types' })
  if (types && types.length > 20) throw invalidRequest('You may pass at most 20 values in types.', { param: 'types' })
  return type ? [type] : types
}

function list(request: ApiRequest): Reply {
  assertKnownParams(request.params, ['created', 'type', 'types', 'delivery_success', 'limit', 'starting_after', 'ending_before'])
  const patterns = readTypeFilter(request)
  const deliverySuccess = optionalBoolean(request.params, 'delivery_success')
  const undelivered = deliverySuccess === undefined ? undefined : request.core.webhookStatus.undeliveredEventIds()
  const events = request.core.store.list('event').filter((event) => {
    if (patterns && !patterns.some((pattern) => typeMatches(pattern, event.type))) return false
    // delivery_success=false: some endpoint still lacks a 2xx (pending or given up); true: all acknowledged.
    if (undelivered && undelivered.has(event.id) === deliverySuccess) return false
    return true
  })
  const reply = listReply(request, '/v1/events', events, 'event')
  const body = reply.body as { data: SandboxEvent[] }
  return ok({ ...reply.body, data: body.data.map((event) => withPendingWebhooks(request.core, event)) })
}

export const eventRoutes: ApiRoute[] = [
  { method: 'GET', path: '/v1/events', handler: list },
  { method: 'GET', path: '/v1/events/:id', handler: retrieve },
]
