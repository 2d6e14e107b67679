import type Stripe from 'stripe'
import type { Ctx } from '../context'
import { emitEvent, emitUpdated } from '../events/emit'
import { invalidRequest, parameterInvalid } from '../http/errors'
import type { FormObject } from '../http/form'
import { ok, pathParam, type ApiRequest, type ApiRoute, type Reply } from '../http/handler'
import { paginate } from '../http/paging'
import { assertKnownParams, optionalInteger, optionalObject, optionalString, readMetadata, requiredString } from '../http/params'
import { newId, randomToken } from '../store/ids'
import { isLiveCustomer, listReply, liveCustomer, liveCustomers, mustGet, retrieveAs } from './lookup'
import { attachPaymentMethod } from '../payments/payment-methods'
import { indexCustomerWrite, indexedFields, type SearchableFields } from './customer-search-index'
import { assertSearchFields, matchesSearch, parseSearchQuery, type SearchClause } from './search-query'

const EDITABLE = ['email', 'name', 'description', 'phone', 'metadata', 'invoice_settings', 'preferred_locales'] as const
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

export function readEmail(params: FormObject, name = 'email'): string | null | undefined {
  const email = optionalString(params, name, 512)
  if (email && !EMAIL.test(email)) throw invalidRequest(`Invalid email address: ${email}`, { param: name, code: 'email_invalid' })
  return email
}

/** `attached`: the method the same request attached (create's `payment_method`), named there by id or test token. */
function readDefaultPaymentMethod(
  request: ApiRequest,
  customerId: string,
  attached?: { given: string; id: string },
): string | null | undefined {
  const settings = optionalObject(request.params, 'invoice_settings')
  if (!settings) return undefined
  assertKnownParams(settings, ['default_payment_method'], 'invoice_settings')
  const named = optionalString(settings, 'default_payment_method')
  // Stripe's own example: payment_method=pm_card_visa and invoice_settings[default_payment_method]=pm_card_visa
  // name one method, the one just attached.
  const pmId = attached && named === attached.given ? attached.id : named
  if (pmId) {
    const pm = mustGet(request, 'payment_method', pmId, 'invoice_settings[default_payment_method]')
    if (pm.customer !== customerId) {
      throw invalidRequest(
        `The customer does not have a payment method with the ID ${pmId}. The payment method must be attached to the customer.`,
        {
          param: 'invoice_settings[default_payment_method]',
          code: 'resource_missing',
        },
      )
    }
  }
  return pmId
}

/** Applies the editable fields present in the request; absent ones are kept, `key=` clears them. */
function applyEdits(request: ApiRequest, customer: Stripe.Customer, attached?: { given: string; id: string }): Stripe.Customer {
  const { params } = request
  const pick = <T>(value: T | undefined, current: T): T => (value === undefined ? current : value)
  const defaultPm = readDefaultPaymentMethod(request, customer.id, attached)
  const locales = params.preferred_locales
  return {
    ...customer,
    email: pick(readEmail(params), customer.email),
    name: pick(optionalString(params, 'name', 256), customer.name ?? null),
    description: pick(optionalString(params, 'description'), customer.description),
    phone: pick(optionalString(params, 'phone', 20), customer.phone ?? null),
    metadata: readMetadata(params, customer.metadata),
    invoice_settings: {
      ...customer.invoice_settings,
      default_payment_method: pick(defaultPm, customer.invoice_settings.default_payment_method),
    },
    preferred_locales: Array.isArray(locales)
      ? locales.filter((l): l is string => typeof l === 'string')
      : (customer.preferred_locales ?? []),
  }
}

function blankCustomer(ctx: Ctx, clockId: string | null): Stripe.Customer {
  return {
    id: newId('cus'),
    object: 'customer',
    address: null,
    balance: 0,
    created: ctx.core.now(),
    currency: null,
    default_source: null,
    delinquent: false,
    description: null,
    discount: null,
    email: null,
    invoice_prefix: randomToken(8).toUpperCase(),
    invoice_settings: { custom_fields: null, default_payment_method: null, footer: null, rendering_options: null },
    livemode: false,
    metadata: {},
    name: null,
    next_invoice_sequence: 1,
    phone: null,
    preferred_locales: [],
    shipping: null,
    tax_exempt: 'none',
    test_clock: clockId,
  }
}

/** A customer created as a side effect (checkout with customer_creation=always). */
export function createCustomerRecord(ctx: Ctx, fields: { email: string | null }): Stripe.Customer {
  const customer = { ...blankCustomer(ctx, null), email: fields.email }
  ctx.core.store.insert('customer', customer)
  indexCustomerWrite(ctx, customer)
  emitEvent(ctx, 'customer.created', customer)
  return customer
}

function create(request: ApiRequest): Reply {
  const { params } = request
  assertKnownParams(params, [...EDITABLE, 'payment_method', 'test_clock', 'balance'])
  const clockId = optionalString(params, 'test_clock') ?? null
  if (clockId) mustGet(request, 'test_helpers.test_clock', clockId, 'test_clock')
  const blank = { ...blankCustomer(request, clockId), balance: optionalInteger(params, 'balance') ?? 0 }
  const pmId = optionalString(params, 'payment_method')
  const attached = pmId ? { given: pmId, id: attachPaymentMethod(request, pmId, blank.id, 'payment_method').id } : undefined
  const customer = applyEdits(request, blank, attached)
  request.core.store.insert('customer', customer)
  indexCustomerWrite(request, customer)
  emitEvent(request, 'customer.created', customer)
  return ok(customer)
}

const retrieve = retrieveAs('customer')

function update(request: ApiRequest): Reply {
  assertKnownParams(request.params, EDITABLE)
  const before = liveCustomer(request, pathParam(request), 'id')
  const after = applyEdits(request, before)
  request.core.store.update('customer', after)
  indexCustomerWrite(request, after)
  emitUpdated(request, 'customer.updated', before, after)
  return ok(after)
}

function remove(request: ApiRequest): Reply {
  assertKnownParams(request.params, [])
  const customer = liveCustomer(request, pathParam(request), 'id')
  const deleted: Stripe.DeletedCustomer = { id: customer.id, object: 'customer', deleted: true }
  request.core.store.update('customer', deleted)
  emitEvent(request, 'customer.deleted', customer)
  return ok(deleted)
}

function list(request: ApiRequest): Reply {
  assertKnownParams(request.params, ['email', 'created', 'limit', 'starting_after', 'ending_before', 'test_clock'])
  const email = optionalString(request.params, 'email', 512)
  const clock = optionalString(request.params, 'test_clock')
  // Stripe's email filter is exact and case-sensitive; the till asks by email on every card checkout (indexed).
  const candidates = email
    ? request.core.store.list('customer', { field: 'email', value: email }).filter(isLiveCustomer)
    : liveCustomers(request)
  const matching = candidates.filter((c) => (!email || c.email === email) && (!clock || c.test_clock === clock))
  return listReply(request, '/v1/customers', matching, 'customer')
}

function searchField(customer: SearchableFields, clause: SearchClause): string | null | undefined {
  if (clause.field === 'metadata') return customer.metadata[clause.metadataKey ?? '']
  if (clause.field === 'email') return customer.email
  if (clause.field === 'name') return customer.name
  if (clause.field === 'phone') return customer.phone
  return undefined
}

function search(request: ApiRequest): Reply {
  assertKnownParams(request.params, ['query', 'limit', 'page'])
  const query = parseSearchQuery(requiredString(request.params, 'query'))
  assertSearchFields(query, ['email', 'name', 'phone', 'metadata'], 'customers')
  const limit = optionalInteger(request.params, 'limit') ?? 10
  if (limit < 1 || limit > 100) throw parameterInvalid('limit', 'Invalid limit: must be between 1 and 100')
  const page = optionalString(request.params, 'page')
  const offset = page ? Number(/^page_(\d+)$/.exec(page)?.[1] ?? NaN) : 0
  if (!Number.isInteger(offset)) throw parameterInvalid('page', `Invalid page: ${page}`)
  // Matched as the (possibly lagging) index sees each customer; answered with the customer as it is now.
  const matching = liveCustomers(request).filter((customer) => {
    const indexed = indexedFields(request, customer)
    return indexed !== undefined && matchesSearch(query, (clause) => searchField(indexed, clause))
  })
  const { data, has_more } = paginate(matching.slice(offset), { limit })
  return ok({
    object: 'search_result',
    url: '/v1/customers/search',
    data,
    has_more,
    next_page: has_more ? `page_${offset + limit}` : null,
  })
}

export const customerRoutes: ApiRoute[] = [
  { method: 'POST', path: '/v1/customers', handler: create },
  { method: 'GET', path: '/v1/customers', handler: list },
  { method: 'GET', path: '/v1/customers/search', handler: search },
  { method: 'GET', path: '/v1/customers/:id', handler: retrieve },
  { method: 'POST', path: '/v1/customers/:id', handler: update },
  { method: 'DELETE', path: '/v1/customers/:id', handler: remove },
]
