import type { ApiRequest, ApiRoute, Reply } from '../http/handler'
import { assertKnownParams, optionalString } from '../http/params'
import { listReply, retrieveAs } from './lookup'

const retrieve = retrieveAs('charge')

function list(request: ApiRequest): Reply {
  assertKnownParams(request.params, ['payment_intent', 'customer', 'created', 'limit', 'starting_after', 'ending_before'])
  const paymentIntent = optionalString(request.params, 'payment_intent')
  const customer = optionalString(request.params, 'customer')
  const { store } = request.core
  const candidates = paymentIntent ? store.list('charge', { field: 'payment_intent', value: paymentIntent }) : store.list('charge')
  const charges = candidates.filter(
    (charge) => (!paymentIntent || charge.payment_intent === paymentIntent) && (!customer || charge.customer === customer),
  )
  return listReply(request, '/v1/charges', charges, 'charge')
}

export const chargeRoutes: ApiRoute[] = [
  { method: 'GET', path: '/v1/charges', handler: list },
  { method: 'GET', path: '/v1/charges/:id', handler: retrieve },
]
