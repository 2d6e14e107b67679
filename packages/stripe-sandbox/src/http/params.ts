// Typed readers over parsed form parameters. Each one throws the ApiError Stripe would answer with,
// naming the parameter the way Stripe does (`payment_method_data[card][number]`).
// Convention: undefined = not sent, null = sent empty (`key=`, Stripe's "unset").

import { invalidRequest, parameterInvalid, parameterMissing, parameterUnknown } from './errors'
import type { FormObject, FormValue } from './form'

export function childName(parent: string, key: string | number): string {
  return parent === '' ? String(key) : `${parent}[${key}]`
}

/** Rejects any top-level key not in `allowed`; `expand` is accepted everywhere, as in Stripe. */
export function assertKnownParams(params: FormObject, allowed: readonly string[], prefix = ''): void {
  for (const key of Object.keys(params)) {
    if (key !== 'expand' && !allowed.includes(key)) throw parameterUnknown(childName(prefix, key))
  }
}

export function optionalString(params: FormObject, name: string, maxLength = 5000): string | null | undefined {
  const value = params[name]
  if (value === undefined || value === null) return value
  if (typeof value !== 'string') throw parameterInvalid(name, `Invalid string: ${name} must be a string, not a hash or array.`)
  if (value.length > maxLength) throw parameterInvalid(name, `Invalid string: ${name} must be at most ${maxLength} characters.`)
  return value
}

export function requiredString(params: FormObject, name: string, prefix = ''): string {
  const value = optionalString(params, name)
  if (value === undefined || value === null) throw parameterMissing(childName(prefix, name))
  return value
}

export function optionalInteger(params: FormObject, name: string, min?: number): number | null | undefined {
  const value = optionalString(params, name)
  if (value === undefined || value === null) return value
  if (!/^-?\d{1,15}$/.test(value)) throw parameterInvalid(name, `Invalid integer: ${value}`, 'parameter_invalid_integer')
  const parsed = Number(value)
  if (min !== undefined && parsed < min) {
    throw parameterInvalid(name, `This value must be greater than or equal to ${min}.`, 'parameter_invalid_integer')
  }
  return parsed
}

export function requiredInteger(params: FormObject, name: string, min?: number): number {
  const value = optionalInteger(params, name, min)
  if (value === undefined || value === null) throw parameterMissing(name)
  return value
}

export function optionalBoolean(params: FormObject, name: string): boolean | undefined {
  const value = optionalString(params, name)
  if (value === undefined || value === null) return undefined
  if (value === 'true') return true
  if (value === 'false') return false
  throw parameterInvalid(name, `Invalid boolean: ${value}`)
}

export function optionalEnum<T extends string>(params: FormObject, name: string, values: readonly T[]): T | null | undefined {
  const value = optionalString(params, name)
  if (value === undefined || value === null) return value
  if (!(values as readonly string[]).includes(value)) {
    throw parameterInvalid(name, `Invalid ${name}: must be one of ${values.join(', ')}`)
  }
  return value as T
}

export function optionalObject(params: FormObject, name: string): FormObject | null | undefined {
  const value = params[name]
  if (value === undefined || value === null) return value
  if (typeof value !== 'object' || Array.isArray(value)) throw invalidRequest(`Invalid hash`, { param: name })
  return value
}

export function optionalArray(params: FormObject, name: string): FormValue[] | null | undefined {
  const value = params[name]
  if (value === undefined || value === null) return value
  if (!Array.isArray(value)) throw invalidRequest(`Invalid array`, { param: name })
  return value
}

export function optionalStringArray(params: FormObject, name: string): string[] | undefined {
  const items = optionalArray(params, name)
  if (items === undefined || items === null) return undefined
  return items.map((item, index) => {
    if (typeof item !== 'string') throw parameterInvalid(childName(name, index), `Invalid string: ${childName(name, index)}`)
    return item
  })
}

export function readExpand(params: FormObject): string[] {
  return optionalStringArray(params, 'expand') ?? []
}

const METADATA_LIMITS = { keys: 50, keyLength: 40, valueLength: 500 }

/**
 * Applies a metadata update the way Stripe merges it: `metadata=` clears everything,
 * `metadata[k]=` deletes one key, other keys are set; untouched keys survive.
 */
export function readMetadata(
  params: FormObject,
  current: Record<string, string> = {},
  name = 'metadata',
): Record<string, string> {
  const value = params[name]
  if (value === undefined) return current
  if (value === null) return {}
  if (typeof value !== 'object' || Array.isArray(value)) throw invalidRequest('Invalid hash', { param: name })
  const next: Record<string, string> = { ...current }
  for (const [key, item] of Object.entries(value)) {
    const param = childName(name, key)
    if (key.length > METADATA_LIMITS.keyLength) {
      throw parameterInvalid(param, `Metadata keys must be at most ${METADATA_LIMITS.keyLength} characters.`)
    }
    if (item === null) {
      delete next[key]
      continue
    }
    if (typeof item !== 'string') throw parameterInvalid(param, `Invalid string: ${param}`)
    if (item.length > METADATA_LIMITS.valueLength) {
      throw parameterInvalid(param, `Metadata values must be at most ${METADATA_LIMITS.valueLength} characters.`)
    }
    next[key] = item
  }
  if (Object.keys(next).length > METADATA_LIMITS.keys) {
    throw parameterInvalid(name, `Metadata can have at most ${METADATA_LIMITS.keys} keys.`)
  }
  return next
}

export interface RangeFilter {
  gt?: number
  gte?: number
  lt?: number
  lte?: number
}

/** `created=123` (exact) or `created[gte]=…&created[lt]=…`. */
export function readRangeFilter(params: FormObject, name: string): RangeFilter | undefined {
  const value = params[name]
  if (value === undefined || value === null) return undefined
  if (typeof value === 'string') {
    const exact = requiredInteger(params, name)
    return { gte: exact, lte: exact }
  }
  if (Array.isArray(value)) throw invalidRequest('Invalid hash', { param: name })
  assertKnownParams(value, ['gt', 'gte', 'lt', 'lte'], name)
  const read = (op: keyof RangeFilter) => {
    const bound = optionalInteger(value, op)
    return bound === null || bound === undefined ? {} : { [op]: bound }
  }
  return { ...read('gt'), ...read('gte'), ...read('lt'), ...read('lte') }
}

export function inRange(value: number, range: RangeFilter | undefined): boolean {
  if (!range) return true
  return (
    (range.gt === undefined || value > range.gt) &&
    (range.gte === undefined || value >= range.gte) &&
    (range.lt === undefined || value < range.lt) &&
    (range.lte === undefined || value <= range.lte)
  )
}
