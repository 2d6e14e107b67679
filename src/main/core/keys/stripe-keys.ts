import { invalidInput } from '@shared/errors'

export type KeyMode = 'test' | 'live'

export interface KeyPair {
  secretKey: string
  publishableKey: string
  mode: KeyMode
}

const SECRET_KEY = /^(sk|rk)_(test|live)_[A-Za-z0-9]{8,}$/
const PUBLISHABLE_KEY = /^pk_(test|live)_[A-Za-z0-9]{8,}$/

/**
 * Checks what a manager typed into the keys form, field by field (details.field names the input to mark),
 * before anything is sent to Stripe: a publishable key pasted as the secret, or a test and a live key mixed.
 */
export function checkKeyPair(input: { secretKey: string; publishableKey: string }): KeyPair {
  const secretKey = input.secretKey.trim()
  const publishableKey = input.publishableKey.trim()
  if (/^pk_/.test(secretKey)) throw fieldError('secretKey', 'This is a publishable key (pk_…); the secret key starts sk_ or rk_')
  if (/^(sk|rk)_/.test(publishableKey)) {
    throw fieldError('publishableKey', 'This is a secret key: it goes in the secret key field, never here')
  }
  const secret = SECRET_KEY.exec(secretKey)
  if (!secret) throw fieldError('secretKey', 'A secret key starts sk_test_, sk_live_, rk_test_ or rk_live_ followed by letters and digits')
  const publishable = PUBLISHABLE_KEY.exec(publishableKey)
  if (!publishable) throw fieldError('publishableKey', 'A publishable key starts pk_test_ or pk_live_ followed by letters and digits')
  const mode = secret[2] as KeyMode
  if (publishable[1] !== mode) {
    throw fieldError('publishableKey', `The secret key is a ${mode} key but this is a ${publishable[1]} key: use the pair from one mode`)
  }
  return { secretKey, publishableKey, mode }
}

export function modeOfKey(key: string): KeyMode {
  return /_live_/.test(key) ? 'live' : 'test'
}

/** `sk_live_51HxY…4242`: the kind and mode of a key and its last four characters, as Stripe's dashboard shows it. */
export function maskKey(key: string): string {
  const prefix = /^[a-z]{2}_(?:test|live)_/.exec(key)?.[0] ?? ''
  return `${prefix}…${key.slice(-4)}`
}

export function fieldError(field: 'secretKey' | 'publishableKey' | 'authtoken', message: string) {
  return invalidInput(message, { field })
}
