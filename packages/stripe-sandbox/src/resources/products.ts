import type Stripe from 'stripe'
import type { Ctx } from '../context'
import { emitEvent, emitUpdated } from '../events/emit'
import { invalidRequest } from '../http/errors'
import { ok, pathParam, type ApiRequest, type ApiRoute, type Reply } from '../http/handler'
import { assertKnownParams, optionalBoolean, optionalString, readMetadata, requiredString } from '../http/params'
import { newId } from '../store/ids'
import { listReply, mustGet, retrieveAs } from './lookup'

export function createProduct(
  ctx: Ctx,
  fields: { id?: string | null; name: string; description?: string | null; metadata?: Record<string, string>; active?: boolean },
): Stripe.Product {
  const now = ctx.core.now()
  const product: Stripe.Product = {
    id: fields.id ?? newId('prod'),
    object: 'product',
    active: fields.active ?? true,
    created: now,
    default_price: null,
    description: fields.description ?? null,
    images: [],
    livemode: false,
    marketing_features: [],
    metadata: fields.metadata ?? {},
    name: fields.name,
    package_dimensions: null,
    shippable: null,
    statement_descriptor: null,
    tax_code: null,
    tax_details: null,
    type: 'service',
    unit_label: null,
    updated: now,
    url: null,
  }
  ctx.core.store.insert('product', product)
  emitEvent(ctx, 'product.created', product)
  return product
}

function create(request: ApiRequest): Reply {
  const { params } = request
  assertKnownParams(params, ['name', 'description', 'metadata', 'active', 'id'])
  // Stripe takes an id of the integration's choosing, once per account.
  const id = optionalString(params, 'id', 255) ?? null
  if (id !== null && !/^[A-Za-z0-9_-]+$/.test(id)) throw invalidRequest('Invalid product id: use letters, digits, _ and - only.', { param: 'id' })
  if (id !== null && request.core.store.get('product', id)) {
    throw invalidRequest('Product already exists.', { param: 'id', code: 'resource_already_exists' })
  }
  const product = createProduct(request, {
    id,
    name: requiredString(params, 'name'),
    description: optionalString(params, 'description') ?? null,
    metadata: readMetadata(params),
    active: optionalBoolean(params, 'active') ?? true,
  })
  return ok(product)
}

function update(request: ApiRequest): Reply {
  const { params } = request
  assertKnownParams(params, ['name', 'description', 'metadata', 'active', 'default_price'])
  const before = mustGet(request, 'product', pathParam(request))
  const defaultPrice = optionalString(params, 'default_price')
  if (defaultPrice && mustGet(request, 'price', defaultPrice, 'default_price').product !== before.id) {
    throw invalidRequest('The default price must belong to this product.', { param: 'default_price' })
  }
  const description = optionalString(params, 'description')
  const after: Stripe.Product = {
    ...before,
    name: optionalString(params, 'name') ?? before.name,
    description: description === undefined ? before.description : description,
    metadata: readMetadata(params, before.metadata),
    active: optionalBoolean(params, 'active') ?? before.active,
    default_price: defaultPrice === undefined ? (before.default_price ?? null) : defaultPrice,
    updated: request.core.now(),
  }
  request.core.store.update('product', after)
  emitUpdated(request, 'product.updated', before, after)
  return ok(after)
}

function remove(request: ApiRequest): Reply {
  assertKnownParams(request.params, [])
  const product = mustGet(request, 'product', pathParam(request))
  if (request.core.store.list('price', { field: 'product', value: product.id }).length > 0) {
    throw invalidRequest('This product cannot be deleted because it has one or more user-created prices.')
  }
  request.core.store.remove('product', product.id)
  emitEvent(request, 'product.deleted', product)
  const deleted: Stripe.DeletedProduct = { id: product.id, object: 'product', deleted: true }
  return ok(deleted)
}

function list(request: ApiRequest): Reply {
  assertKnownParams(request.params, ['active', 'created', 'limit', 'starting_after', 'ending_before'])
  const active = optionalBoolean(request.params, 'active')
  const products = request.core.store.list('product').filter((product) => active === undefined || product.active === active)
  return listReply(request, '/v1/products', products, 'product')
}

export const productRoutes: ApiRoute[] = [
  { method: 'POST', path: '/v1/products', handler: create },
  { method: 'GET', path: '/v1/products', handler: list },
  { method: 'GET', path: '/v1/products/:id', handler: retrieveAs('product') },
  { method: 'POST', path: '/v1/products/:id', handler: update },
  { method: 'DELETE', path: '/v1/products/:id', handler: remove },
]
