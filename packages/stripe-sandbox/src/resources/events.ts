import type { SandboxCore } from '../context'
import { undeliveredEndpointsSql } from '../delivery/queue'
import { invalidRequest, resourceMissing } from '../http/errors'
import { ok, pathParam, type ApiRequest, type ApiRoute, type Reply } from '../http/handler'
import { readPageRequest, type PageRequest } from '../http/paging'
import { assertKnownParams, optionalBoolean, optionalString, optionalStringArray, readRangeFilter } from '../http/params'
import type { EventCursor } from '../store/event-index'
import type { SandboxEvent } from '../store/object-types'
import { mustGet } from './lookup'

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

/**
 * A cursor names an event, which need not match this request's filters: it is only a position, and an event
 * can leave a filtered list between two pages (delivery_success flips when a delivery lands).
 */
function readCursor(request: ApiRequest, page: PageRequest): EventCursor | undefined {
  const id = page.startingAfter ?? page.endingBefore
  if (id === undefined) return undefined
  const param = page.startingAfter !== undefined ? 'starting_after' : 'ending_before'
  const seq = request.core.store.events.seqOf(id)
  if (seq === undefined) throw resourceMissing('event', id, param)
  return param === 'starting_after' ? { olderThan: seq } : { newerThan: seq }
}

function list(request: ApiRequest): Reply {
  assertKnownParams(request.params, ['created', 'type', 'types', 'delivery_success', 'limit', 'starting_after', 'ending_before'])
  const types = readTypeFilter(request)
  const deliverySuccess = optionalBoolean(request.params, 'delivery_success')
  const created = readRangeFilter(request.params, 'created')
  const page = readPageRequest(request.params)
  // delivery_success=false: some endpoint still lacks a 2xx (pending or given up); true: all acknowledged.
  const undelivered = `EXISTS (${undeliveredEndpointsSql('e.id')})`
  const condition = deliverySuccess === undefined ? undefined : deliverySuccess ? `NOT ${undelivered}` : undelivered
  const found = request.core.store.events.page({ created, types, condition }, page.limit, readCursor(request, page))
  const pending = request.core.webhookStatus.undeliveredEndpointCounts(found.data.map((event) => event.id))
  const data = found.data.map((event) => ({ ...event, pending_webhooks: pending.get(event.id) ?? 0 }))
  return ok({ object: 'list', url: '/v1/events', data, has_more: found.has_more })
}

export const eventRoutes: ApiRoute[] = [
  { method: 'GET', path: '/v1/events', handler: list },
  { method: 'GET', path: '/v1/events/:id', handler: retrieve },
]
