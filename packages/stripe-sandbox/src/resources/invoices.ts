import { collectInvoice, defaultMethodOfInvoice } from '../billing/collect'
import { subscriptionOf } from '../billing/invoices'
import { invalidRequest } from '../http/errors'
import { ok, pathParam, type ApiRequest, type ApiRoute, type Reply } from '../http/handler'
import { paginate, readPageRequest } from '../http/paging'
import { assertKnownParams, optionalEnum, optionalString } from '../http/params'
import { listReply, mustGet, retrieveAs } from './lookup'
import { resolvePaymentMethod } from '../payments/payment-methods'
import { createStandaloneInvoice, finalizeStandaloneInvoice } from '../billing/standalone-invoices'

/** POST /v1/invoices: a draft invoice made by hand (a one-off invoice, not a subscription's). */
function create(request: ApiRequest): Reply {
  return ok(createStandaloneInvoice(request, request.params))
}

/** POST /v1/invoices/:id/finalize */
function finalize(request: ApiRequest): Reply {
  const invoice = mustGet(request, 'invoice', pathParam(request))
  const open = finalizeStandaloneInvoice(request, invoice, request.params)
  return ok(mustGet(request, 'invoice', open.id))
}

function list(request: ApiRequest): Reply {
  assertKnownParams(request.params, ['customer', 'subscription', 'status', 'created', 'limit', 'starting_after', 'ending_before'])
  const customer = optionalString(request.params, 'customer')
  const subscription = optionalString(request.params, 'subscription')
  const status = optionalEnum(request.params, 'status', ['draft', 'open', 'paid', 'uncollectible', 'void'] as const)
  const invoices = request.core.store
    .list('invoice')
    .filter(
      (invoice) =>
        (!customer || invoice.customer === customer) &&
        (!subscription || subscriptionOf(invoice) === subscription) &&
        (!status || invoice.status === status),
    )
  return listReply(request, '/v1/invoices', invoices, 'invoice')
}

/** POST /v1/invoices/:id/pay: charge the open invoice now, with the given or the default method. */
function pay(request: ApiRequest): Reply {
  assertKnownParams(request.params, ['payment_method', 'off_session'])
  const invoice = mustGet(request, 'invoice', pathParam(request))
  if (invoice.status !== 'open') throw invalidRequest(`Invoice is already ${invoice.status}.`, { code: 'invoice_not_editable' })
  const pmId = optionalString(request.params, 'payment_method')
  const subscriptionId = subscriptionOf(invoice)
  const subscription = subscriptionId ? request.core.store.get('subscription', subscriptionId) : undefined
  // As Stripe: the given method, else the subscription's default, else the customer's invoice default.
  const pm = pmId ? resolvePaymentMethod(request, pmId, 'payment_method') : defaultMethodOfInvoice(request, invoice, subscription)
  if (!pm) throw invalidRequest('This invoice has no payment method to charge. Pass payment_method.', { param: 'payment_method' })
  const reply = collectInvoice(request, invoice, pm)
  if (reply && reply.status !== 200) return reply
  return ok(mustGet(request, 'invoice', invoice.id))
}

function lines(request: ApiRequest): Reply {
  assertKnownParams(request.params, ['limit', 'starting_after', 'ending_before'])
  const invoice = mustGet(request, 'invoice', pathParam(request))
  return ok({
    object: 'list',
    url: `/v1/invoices/${invoice.id}/lines`,
    ...paginate(invoice.lines.data, readPageRequest(request.params), 'line_item'),
  })
}

export const invoiceRoutes: ApiRoute[] = [
  { method: 'GET', path: '/v1/invoices', handler: list },
  { method: 'POST', path: '/v1/invoices', handler: create },
  { method: 'POST', path: '/v1/invoices/:id/finalize', handler: finalize },
  { method: 'GET', path: '/v1/invoices/:id', handler: retrieveAs('invoice') },
  { method: 'POST', path: '/v1/invoices/:id/pay', handler: pay },
  { method: 'GET', path: '/v1/invoices/:id/lines', handler: lines },
]
