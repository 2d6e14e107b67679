// Stripe's API takes application/x-www-form-urlencoded bodies with bracketed keys
// (`payment_method_data[card][number]=...`), as Stripe.js and the SDKs send them.

export type FormValue = string | number | boolean | null | undefined | FormParams | readonly FormValue[]

export interface FormParams {
  readonly [key: string]: FormValue
}

/** Undefined is left out; null becomes `key=` (Stripe's way to unset a field). */
export function encodeForm(params: FormParams): string {
  const pairs: string[] = []
  for (const [key, value] of Object.entries(params)) appendPairs(pairs, key, value)
  return pairs.join('&')
}

function appendPairs(pairs: string[], key: string, value: FormValue): void {
  if (value === undefined) return
  if (value === null) {
    pairs.push(`${encodeURIComponent(key)}=`)
  } else if (Array.isArray(value)) {
    value.forEach((item: FormValue, index) => appendPairs(pairs, `${key}[${index}]`, item))
  } else if (typeof value === 'object') {
    for (const [childKey, child] of Object.entries(value as FormParams)) {
      appendPairs(pairs, `${key}[${childKey}]`, child)
    }
  } else {
    pairs.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
  }
}
