// `expand[]=latest_charge`, `expand[]=latest_invoice.payment_intent`, `expand[]=data.customer` (lists):
// replaces an id with the object it names, following dotted paths up to Stripe's depth limit of 4.

import { invalidRequest } from './errors'

export type LoadById = (id: string) => object | undefined
/** A field an object leaves out unless expanded (a charge's `refunds`); undefined = no such field. */
export type LoadField = (record: Record<string, unknown>, field: string) => object | undefined

export interface Loaders {
  byId: LoadById
  field?: LoadField
}

const MAX_DEPTH = 4

function cannotExpand(path: string) {
  return invalidRequest(`This property cannot be expanded (${path}).`, { param: 'expand' })
}

function expandInto(value: unknown, segments: readonly string[], load: Loaders, path: string): unknown {
  const [head, ...rest] = segments
  if (head === undefined || value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) return value.map((item) => expandInto(item, segments, load, path))
  const record = value as Record<string, unknown>
  const field = record[head]
  if (head === 'data' && Array.isArray(field)) {
    return { ...record, data: field.map((item) => expandInto(item, rest, load, path)) }
  }
  if (field === null) return value
  if (field === undefined) {
    const computed = load.field?.(record, head)
    if (!computed) throw cannotExpand(path)
    return { ...record, [head]: expandInto(computed, rest, load, path) }
  }
  if (typeof field === 'string') {
    const loaded = load.byId(field)
    if (!loaded) throw cannotExpand(path)
    return { ...record, [head]: expandInto(structuredClone(loaded), rest, load, path) }
  }
  if (typeof field === 'object' && field !== undefined) return { ...record, [head]: expandInto(field, rest, load, path) }
  throw cannotExpand(path)
}

/** Returns a copy of `body` with every path expanded; the stored object is never modified. */
export function applyExpansions<T extends object>(body: T, paths: readonly string[], load: LoadById | Loaders): T {
  const loaders = typeof load === 'function' ? { byId: load } : load
  let result: unknown = body
  for (const path of paths) {
    const segments = path.split('.')
    if (segments.length > MAX_DEPTH) {
      throw invalidRequest(`You cannot expand more than ${MAX_DEPTH} levels of a property. Property: ${path}`, {
        param: 'expand',
      })
    }
    result = expandInto(result, segments, loaders, path)
  }
  return result as T
}
