// Cursor paging as Stripe's list endpoints do it: newest first, `limit` 1..100 (default 10),
// `starting_after` = older than that object, `ending_before` = newer than it.

import { invalidRequest, resourceMissing } from './errors'
import type { FormObject } from './form'
import { optionalInteger, optionalString } from './params'

export interface PageRequest {
  limit: number
  startingAfter?: string
  endingBefore?: string
}

export interface Page<T> {
  data: T[]
  has_more: boolean
}

export interface ListBody<T> extends Page<T> {
  object: 'list'
  url: string
}

export function readPageRequest(params: FormObject): PageRequest {
  const limit = optionalInteger(params, 'limit') ?? 10
  if (limit < 1 || limit > 100) {
    throw invalidRequest(`Invalid limit: must be between 1 and 100`, { param: 'limit', code: 'parameter_invalid_integer' })
  }
  const startingAfter = optionalString(params, 'starting_after') ?? undefined
  const endingBefore = optionalString(params, 'ending_before') ?? undefined
  if (startingAfter && endingBefore) {
    throw invalidRequest('You may only specify one of these parameters: ending_before, starting_after.', {
      param: 'ending_before',
    })
  }
  return { limit, ...(startingAfter ? { startingAfter } : {}), ...(endingBefore ? { endingBefore } : {}) }
}

/** `items` must already be newest first. `kind` names the object in the error for an unknown cursor. */
export function paginate<T extends { id: string }>(items: readonly T[], request: PageRequest, kind = 'object'): Page<T> {
  const { limit, startingAfter, endingBefore } = request
  if (startingAfter !== undefined) {
    const at = items.findIndex((item) => item.id === startingAfter)
    if (at === -1) throw resourceMissing(kind, startingAfter, 'starting_after')
    const rest = items.slice(at + 1)
    return { data: rest.slice(0, limit), has_more: rest.length > limit }
  }
  if (endingBefore !== undefined) {
    const at = items.findIndex((item) => item.id === endingBefore)
    if (at === -1) throw resourceMissing(kind, endingBefore, 'ending_before')
    // The page sits right before the cursor; has_more says whether even newer items remain.
    const from = Math.max(0, at - limit)
    return { data: items.slice(from, at), has_more: from > 0 }
  }
  return { data: items.slice(0, limit), has_more: items.length > limit }
}

export function listBody<T extends { id: string }>(
  url: string,
  items: readonly T[],
  request: PageRequest,
  kind?: string,
): ListBody<T> {
  return { object: 'list', url, ...paginate(items, request, kind) }
}
