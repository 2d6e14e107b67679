// Stripe's v1 wire format: application/x-www-form-urlencoded with bracketed keys, as stripe-node,
// Stripe.js and `curl -d` write it. Hand-written because qs turns arrays with more than 20 indices
// into objects, and because we want `key=` to mean "unset" (null) the way Stripe reads it.

export type FormValue = string | null | FormValue[] | FormObject
export interface FormObject {
  [key: string]: FormValue
}

/** Malformed input; `param` names the offending key so the caller can answer 400 with it. */
export class FormSyntaxError extends Error {
  override name = 'FormSyntaxError'
  constructor(
    message: string,
    readonly param: string,
  ) {
    super(message)
  }
}

const KEY_SHAPE = /^([^[\]]+)((?:\[[^[\]]*\])*)$/
const INDEX = /^(?:0|[1-9]\d{0,5})$/

/** `items[0][price]` → ['items', '0', 'price']; `expand[]` → ['expand', '']. */
export function splitKey(key: string): string[] {
  const match = KEY_SHAPE.exec(key)
  if (!match) throw new FormSyntaxError(`Invalid parameter name: ${key}`, key)
  const [, head = '', brackets = ''] = match
  const rest = brackets === '' ? [] : brackets.slice(1, -1).split('][')
  const segments = [head, ...rest]
  // Assigning "__proto__" on a plain object would rewrite its prototype instead of adding a key.
  if (segments.includes('__proto__')) throw new FormSyntaxError(`Invalid parameter name: ${key}`, key)
  return segments
}

function decodeComponent(raw: string, key: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '))
  } catch {
    throw new FormSyntaxError(`Invalid URL encoding in parameter ${key || raw}`, key || raw)
  }
}

// While parsing, every container is an object; index-keyed ones become arrays in finalize().
type Tree = { [key: string]: Tree | string | null }

function isTree(value: Tree | string | null | undefined): value is Tree {
  return typeof value === 'object' && value !== null
}

function insert(root: Tree, segments: string[], value: string | null, key: string): void {
  let node = root
  for (let i = 0; i < segments.length; i++) {
    const isLast = i === segments.length - 1
    // An empty segment (`expand[]`) appends after whatever indices are already there.
    const segment = segments[i] === '' ? String(Object.keys(node).length) : (segments[i] as string)
    if (isLast) {
      if (isTree(node[segment])) throw new FormSyntaxError(`Invalid hash or array for parameter ${key}`, key)
      node[segment] = value
      return
    }
    const child = node[segment]
    if (child === undefined) {
      const created: Tree = {}
      node[segment] = created
      node = created
    } else if (isTree(child)) {
      node = child
    } else {
      throw new FormSyntaxError(`Invalid hash or array for parameter ${key}`, key)
    }
  }
}

function finalize(tree: Tree): FormObject | FormValue[] {
  const keys = Object.keys(tree)
  const convert = (value: Tree | string | null): FormValue => (isTree(value) ? finalize(value) : value)
  if (keys.length > 0 && keys.every((k) => INDEX.test(k))) {
    // Sparse indices (items[0], items[5]) are compacted in index order, as Stripe does.
    return keys
      .map(Number)
      .sort((a, b) => a - b)
      .map((index) => convert(tree[String(index)] as Tree | string | null))
  }
  const out: FormObject = {}
  for (const k of keys) out[k] = convert(tree[k] as Tree | string | null)
  return out
}

/** Parses one encoded string (a body or a query string without the `?`). An empty value means null. */
export function parseForm(encoded: string): FormObject {
  const root: Tree = {}
  for (const pair of encoded.split('&')) {
    if (pair === '') continue
    const eq = pair.indexOf('=')
    const rawKey = eq === -1 ? pair : pair.slice(0, eq)
    const rawValue = eq === -1 ? '' : pair.slice(eq + 1)
    const key = decodeComponent(rawKey, '')
    const value = decodeComponent(rawValue, key)
    insert(root, splitKey(key), value === '' ? null : value, key)
  }
  const result = finalize(root)
  // A top level made only of numeric keys is still a hash of parameters.
  return Array.isArray(result) ? Object.fromEntries(result.map((v, i) => [String(i), v])) : result
}

/** Query string and body together; the body wins on conflicting top-level keys. */
export function parseRequestParams(query: string, body: string): FormObject {
  return { ...parseForm(query), ...parseForm(body) }
}
