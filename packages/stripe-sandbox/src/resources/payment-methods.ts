import { emitEvent } from '../events/emit'
import { invalidRequest } from '../http/errors'
import { ok, pathParam, type ApiRequest, type ApiRoute, type Reply } from '../http/handler'
import { assertKnownParams, optionalString, requiredString } from '../http/params'
import { createFromParams } from '../payments/payment-method-params'
import { attachPaymentMethod } from '../payments/payment-methods'
import { listReply, liveCustomer, mustGet, retrieveAs } from './lookup'

function create(request: ApiRequest): Reply {
  const { customer, ...rest } = request.params
  if (customer !== undefined && request.keyKind === 'publishable') {
    throw invalidRequest('A PaymentMethod cannot be attached to a customer with a publishable key.', { param: 'customer' })
  }
  const pm = createFromParams(request, rest, '')
  if (typeof customer === 'string') return ok(attachPaymentMethod(request, pm.id, liveCustomer(request, customer).id, 'customer'))
  return ok(pm)
}

const retrieve = retrieveAs('payment_method')

function attach(request: ApiRequest): Reply {
  assertKnownParams(request.params, ['customer'])
  const customer = liveCustomer(request, requiredString(request.params, 'customer'))
  return ok(attachPaymentMethod(request, pathParam(request), customer.id, 'payment_method'))
}

function detach(request: ApiRequest): Reply {
  assertKnownParams(request.params, [])
  const pm = mustGet(request, 'payment_method', pathParam(request))
  if (!pm.customer) {
    throw invalidRequest('The payment method you provided is not attached to a customer so detachment is impossible.', {
      code: 'payment_method_unexpected_state',
    })
  }
  const detached = { ...pm, customer: null }
  request.core.store.update('payment_method', detached)
  emitEvent(request, 'payment_method.detached', detached, { customer: pm.customer })
  return ok(detached)
}

function list(request: ApiRequest, customerId: string | undefined): Reply {
  const customer = customerId ?? optionalString(request.params, 'customer') ?? undefined
  if (customer) liveCustomer(request, customer)
  const all = request.core.store.list('payment_method')
  return listReply(request, '/v1/payment_methods', customer ? all.filter((pm) => pm.customer === customer) : all, 'PaymentMethod')
}

export const paymentMethodRoutes: ApiRoute[] = [
  { method: 'POST', path: '/v1/payment_methods', handler: create, publishable: true },
  {
    method: 'GET',
    path: '/v1/payment_methods',
    handler: (request) => {
      assertKnownParams(request.params, ['customer', 'type', 'limit', 'starting_after', 'ending_before'])
      return list(request, undefined)
    },
  },
  { method: 'GET', path: '/v1/payment_methods/:id', handler: retrieve },
  { method: 'POST', path: '/v1/payment_methods/:id/attach', handler: attach },
  { method: 'POST', path: '/v1/payment_methods/:id/detach', handler: detach },
  {
    method: 'GET',
    path: '/v1/customers/:id/payment_methods',
    handler: (request) => {
      assertKnownParams(request.params, ['type', 'limit', 'starting_after', 'ending_before'])
      return list(request, pathParam(request))
    },
  },
]
