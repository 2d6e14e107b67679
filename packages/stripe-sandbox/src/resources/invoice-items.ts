import { createInvoiceItem } from '../billing/invoice-items'
import { ok, type ApiRequest, type ApiRoute, type Reply } from '../http/handler'
import { retrieveAs } from './lookup'

function create(request: ApiRequest): Reply {
  return ok(createInvoiceItem(request, request.params))
}

export const invoiceItemRoutes: ApiRoute[] = [
  { method: 'POST', path: '/v1/invoiceitems', handler: create },
  { method: 'GET', path: '/v1/invoiceitems/:id', handler: retrieveAs('invoiceitem') },
]
