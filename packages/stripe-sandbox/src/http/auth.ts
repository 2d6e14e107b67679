// API key checks. The sandbox is test mode only. With configured keys (SandboxOptions.apiKeys) exactly those
// are the account's; without, any `sk_test_…`/`rk_test_…` is its secret key and any `pk_test_…` its
// publishable key (which Stripe accepts only on the few routes Stripe.js calls).

import { authenticationError } from './errors'

export type KeyKind = 'secret' | 'publishable'

export interface ApiKeys {
  secret: readonly string[]
  publishable: readonly string[]
}

const MISSING_KEY_MESSAGE =
  "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/."

export const PUBLISHABLE_KEY_MESSAGE =
  'This API call cannot be made with a publishable API key. Please use a secret API key. You can find a list of your API keys at https://dashboard.stripe.com/account/apikeys.'

/** `sk_test_abcdefgh1234` → `sk_test_********1234`, as Stripe echoes keys in errors. */
export function redactKey(key: string): string {
  const prefix = /^[a-z]{2}_(?:test|live)_/.exec(key)?.[0] ?? ''
  const rest = key.slice(prefix.length)
  return rest.length <= 4 ? prefix + rest : `${prefix}${'*'.repeat(rest.length - 4)}${rest.slice(-4)}`
}

/** Bearer (what the SDK sends) or Basic with the key as user name (what `curl -u sk_test_x:` sends). */
export function extractKey(authorization: string | undefined): string | undefined {
  if (!authorization) return undefined
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(authorization)
  if (bearer) return bearer[1]
  const basic = /^Basic\s+(\S+)\s*$/i.exec(authorization)
  if (basic) {
    const decoded = Buffer.from(basic[1] ?? '', 'base64').toString('utf8')
    return decoded.split(':')[0] || undefined
  }
  return undefined
}

function kindOf(key: string, keys: ApiKeys | undefined): KeyKind | undefined {
  if (keys) {
    if (keys.secret.includes(key)) return 'secret'
    if (keys.publishable.includes(key)) return 'publishable'
    return undefined
  }
  if (/^(?:sk|rk)_test_\w+$/.test(key)) return 'secret'
  if (/^pk_test_\w+$/.test(key)) return 'publishable'
  return undefined
}

export function authenticate(authorization: string | undefined, keys?: ApiKeys): KeyKind {
  const key = extractKey(authorization)
  if (!key) throw authenticationError(MISSING_KEY_MESSAGE)
  const kind = kindOf(key, keys)
  if (kind) return kind
  if (/^(?:sk|rk|pk)_live_/.test(key)) {
    throw authenticationError(`Invalid API Key provided: ${redactKey(key)}. The Stripe sandbox only accepts test mode keys.`)
  }
  throw authenticationError(`Invalid API Key provided: ${redactKey(key)}`)
}
