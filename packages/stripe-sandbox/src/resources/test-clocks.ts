import type Stripe from 'stripe'
import { advanceClock } from '../billing/advance-clock'
import { emitEvent } from '../events/emit'
import { parameterMissing } from '../http/errors'
import { ok, pathParam, type ApiRequest, type ApiRoute, type Reply } from '../http/handler'
import { assertKnownParams, optionalInteger, optionalString } from '../http/params'
import { newId } from '../store/ids'
import { liveCustomers, mustGet, retrieveAs, listAllAs } from './lookup'

const CLOCK_LIFETIME = 30 * 24 * 60 * 60

function readFrozenTime(request: ApiRequest): number {
  const frozenTime = optionalInteger(request.params, 'frozen_time', 0)
  if (frozenTime === undefined || frozenTime === null) throw parameterMissing('frozen_time')
  return frozenTime
}

function create(request: ApiRequest): Reply {
  assertKnownParams(request.params, ['frozen_time', 'name'])
  const created = request.core.now()
  const clock: Stripe.TestHelpers.TestClock = {
    id: newId('clock'),
    object: 'test_helpers.test_clock',
    created,
    deletes_after: created + CLOCK_LIFETIME,
    frozen_time: readFrozenTime(request),
    livemode: false,
    name: optionalString(request.params, 'name', 300) ?? null,
    status: 'ready',
    status_details: {},
  }
  request.core.store.insert('test_helpers.test_clock', clock)
  emitEvent(request, 'test_helpers.test_clock.created', clock)
  return ok(clock)
}

function advance(request: ApiRequest): Reply {
  assertKnownParams(request.params, ['frozen_time'])
  const clock = mustGet(request, 'test_helpers.test_clock', pathParam(request))
  return ok(advanceClock(request, clock, readFrozenTime(request)))
}

/** Deleting a clock deletes the customers on it, as Stripe does. */
function remove(request: ApiRequest): Reply {
  assertKnownParams(request.params, [])
  const clock = mustGet(request, 'test_helpers.test_clock', pathParam(request))
  for (const customer of liveCustomers(request).filter((c) => c.test_clock === clock.id)) {
    request.core.store.update('customer', { id: customer.id, object: 'customer', deleted: true })
    emitEvent(request, 'customer.deleted', customer)
  }
  request.core.store.remove('test_helpers.test_clock', clock.id)
  emitEvent(request, 'test_helpers.test_clock.deleted', clock)
  const deleted: Stripe.TestHelpers.DeletedTestClock = { id: clock.id, object: 'test_helpers.test_clock', deleted: true }
  return ok(deleted)
}

export const testClockRoutes: ApiRoute[] = [
  { method: 'POST', path: '/v1/test_helpers/test_clocks', handler: create },
  { method: 'GET', path: '/v1/test_helpers/test_clocks', handler: listAllAs('test_helpers.test_clock', '/v1/test_helpers/test_clocks') },
  { method: 'GET', path: '/v1/test_helpers/test_clocks/:id', handler: retrieveAs('test_helpers.test_clock') },
  { method: 'POST', path: '/v1/test_helpers/test_clocks/:id/advance', handler: advance },
  { method: 'DELETE', path: '/v1/test_helpers/test_clocks/:id', handler: remove },
]
