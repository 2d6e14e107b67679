// A small checker for the part of OpenAPI 3 that Stripe's spec3 uses for response objects (type, properties,
// required, nullable, anyOf, items, enum, $ref, additionalProperties), sorting each difference into a real
// violation or drift: a difference the installed SDK's newer API version explains.

export interface Schema {
  $ref?: string
  type?: string
  properties?: Record<string, Schema>
  required?: string[]
  nullable?: boolean
  anyOf?: Schema[]
  items?: Schema
  enum?: unknown[]
  additionalProperties?: boolean | Schema
}

export interface Finding {
  path: string
  problem: string
}

export interface CheckResult {
  violations: Finding[]
  drift: Finding[]
}

/** What the installed SDK knows: `knowsName('allowed_payment_method_types')`, `knowsLiteral('endive')`. */
export interface NewerApi {
  /** False when the SDK has no type for the object (the checker then asks about the enclosing object). */
  known: boolean
  knowsName(name: string): boolean
  knowsLiteral(value: string): boolean
}

type Spec = { components: { schemas: Record<string, Schema> } }

function resolve(spec: Spec, schema: Schema, owner: string): { schema: Schema; owner: string } {
  let current = schema
  let name = owner
  while (current.$ref) {
    name = current.$ref.replace('#/components/schemas/', '')
    current = spec.components.schemas[name] ?? {}
  }
  return { schema: current, owner: name }
}

function typeOf(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number'
  return typeof value
}

/** The findings of `value` against `schema`, without sorting; an empty list means it fits. */
type Raw = Finding & { missing?: string; extra?: string; literal?: string; owners: string[] }

function differences(spec: Spec, schema: Schema, value: unknown, path: string, chain: string[]): Raw[] {
  const { schema: s, owner: name } = resolve(spec, schema, chain[chain.length - 1] as string)
  const owner = name === chain[chain.length - 1] ? chain : [...chain, name]
  if (value === null) return s.nullable ? [] : [{ path, problem: 'null where the spec has no nullable', owners: owner }]
  if (s.anyOf) {
    const tries = s.anyOf.map((option) => differences(spec, option, value, path, owner))
    const best = tries.reduce((a, b) => (b.length < a.length ? b : a))
    return best
  }
  if (s.enum && !s.enum.includes(value)) {
    return [{ path, problem: `value ${JSON.stringify(value)} not in the spec's enum`, literal: String(value), owners: owner }]
  }
  const actual = typeOf(value)
  if (s.type && !(s.type === actual || (s.type === 'number' && actual === 'integer'))) {
    return [{ path, problem: `${actual} where the spec says ${s.type}`, owners: owner }]
  }
  if (actual === 'array' && s.items) {
    return (value as unknown[]).flatMap((item, index) => differences(spec, s.items as Schema, item, `${path}[${index}]`, owner))
  }
  if (actual !== 'object' || !s.properties) return []
  const object = value as Record<string, unknown>
  const found: Raw[] = []
  for (const name of s.required ?? []) {
    if (!(name in object)) found.push({ path: `${path}.${name}`, problem: 'required by the spec, missing', missing: name, owners: owner })
  }
  for (const [name, child] of Object.entries(object)) {
    const property = s.properties[name]
    if (!property) {
      if (s.additionalProperties === false || s.additionalProperties === undefined) {
        found.push({ path: `${path}.${name}`, problem: 'not in the spec', extra: name, owners: owner })
      }
      continue
    }
    found.push(...differences(spec, property, child, `${path}.${name}`, owner))
  }
  return found
}

/** Checks one response object against the named schema (e.g. 'payment_intent'). */
export function checkAgainst(
  spec: Spec,
  schemaName: string,
  value: unknown,
  newerFor: (schema: string) => NewerApi,
  path = schemaName,
): CheckResult {
  const result: CheckResult = { violations: [], drift: [] }
  for (const finding of differences(spec, { $ref: `#/components/schemas/${schemaName}` }, value, path, [schemaName])) {
    // Ask the SDK type of the innermost object the difference sits in that the SDK has a type for (a
    // PaymentMethod inside an intent's error is a PaymentMethod; its billing_details belong to it).
    const newer = [...finding.owners].reverse().map(newerFor).find((api) => api.known) ?? newerFor(schemaName)
    // A field the newer SDK has that the spec lacks was added since; one the spec requires that the SDK no
    // longer has was removed since; an enum value the SDK names is new. Anything else is the sandbox's fault.
    const explained =
      (finding.extra !== undefined && newer.knowsName(finding.extra)) ||
      (finding.missing !== undefined && !newer.knowsName(finding.missing)) ||
      (finding.literal !== undefined && newer.knowsLiteral(finding.literal))
    const { path: where, problem } = finding
    ;(explained ? result.drift : result.violations).push({ path: where, problem })
  }
  return result
}
