import type { Ctx } from '../context'
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
  { method: 'GET', path: '/v1/balance_transactions/:id', handler: retrieveAs('balance_transaction') },
]

/**
 * `refunds` is not part of a charge (API 2022-11-15 and later) but can be expanded, on the charge itself or
 * through `latest_charge`: the charge's refunds as a list, newest first.
 */
export function expandableOfCharge(ctx: Ctx, record: Record<string, unknown>, field: string): object | undefined {
  if (record.object !== 'charge' || field !== 'refunds' || typeof record.id !== 'string') return undefined
  const refunds = ctx.core.store.list('refund', { field: 'charge', value: record.id })
  return { object: 'list', data: refunds, has_more: false, url: `/v1/charges/${record.id}/refunds` }
}
