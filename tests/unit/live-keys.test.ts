import { describe, expect, it } from 'vitest'
import { AppError } from '../../src/shared/errors'
import { cipherAvailability, createEncryptedSecrets, SecretUnreadable, type SecretCipher } from '../../src/main/core/keys/encrypted-secrets'
import { checkKeyPair, maskKey, modeOfKey } from '../../src/main/core/keys/stripe-keys'
import { snapshot, tempStore } from '../helpers/temp-store'
import { testCipher } from '../integration/live-fixtures'

const fieldOf = (fn: () => unknown) => {
  try {
    fn()
  } catch (error) {
    return { field: (error as AppError).details?.field, message: (error as Error).message }
  }
  throw new Error('did not throw')
}

describe('checkKeyPair', () => {
  it('accepts a matching pair and tells test from live', () => {
    expect(checkKeyPair({ secretKey: ' sk_test_abcdefgh12 ', publishableKey: 'pk_test_abcdefgh12' })).toEqual({ secretKey: 'sk_test_abcdefgh12', publishableKey: 'pk_test_abcdefgh12', mode: 'test' })
    expect(checkKeyPair({ secretKey: 'rk_live_abcdefgh12', publishableKey: 'pk_live_abcdefgh12' }).mode).toBe('live')
  })

  it.each([
    [{ secretKey: 'pk_test_abcdefgh12', publishableKey: 'pk_test_abcdefgh12' }, 'secretKey', /publishable key/],
    [{ secretKey: 'sk_test_abcdefgh12', publishableKey: 'sk_test_abcdefgh12' }, 'publishableKey', /secret key/],
    [{ secretKey: 'sk_prod_abcdefgh12', publishableKey: 'pk_test_abcdefgh12' }, 'secretKey', /starts sk_test_/],
    [{ secretKey: 'sk_test_short', publishableKey: 'pk_test_abcdefgh12' }, 'secretKey', /starts sk_test_/],
    [{ secretKey: 'sk_test_abcdefgh12', publishableKey: 'pk_test_ab cd' }, 'publishableKey', /starts pk_test_/],
    [{ secretKey: 'sk_live_abcdefgh12', publishableKey: 'pk_test_abcdefgh12' }, 'publishableKey', /live key but this is a test key/],
  ])('refuses %o on the right field', (input, field, message) => {
    const error = fieldOf(() => checkKeyPair(input))
    expect(error.field).toBe(field)
    expect(error.message).toMatch(message)
    // The message never repeats what was typed.
    expect(error.message).not.toContain(input.secretKey)
  })

  it('masks keys like the dashboard and reads their mode', () => {
    expect(maskKey('sk_live_51HxYabc4242')).toBe('sk_live_…4242')
    expect(maskKey('rk_test_zzzzzz9876')).toBe('rk_test_…9876')
    expect(modeOfKey('sk_live_x')).toBe('live')
    expect(modeOfKey('sk_test_x')).toBe('test')
  })
})

describe('EncryptedSecrets', () => {
  it('round-trips through the cipher and never stores the plain text', () => {
    const { db } = tempStore()
    const secrets = createEncryptedSecrets(db, testCipher())
    secrets.write('stripe_secret_key', 'sk_live_verysecret123')
    expect(secrets.read('stripe_secret_key')).toBe('sk_live_verysecret123')
    const stored = db.prepare("SELECT value FROM app_setting WHERE key = 'secret:stripe_secret_key'").pluck().get() as string
    expect(stored).toMatch(/^enc1:/)
    expect(stored).not.toContain('verysecret')
    expect(Buffer.from(stored.slice(5), 'base64').toString('latin1')).not.toContain('verysecret')
    secrets.remove('stripe_secret_key')
    expect(secrets.read('stripe_secret_key')).toBeNull()
  })

  it('reports a secret another machine encrypted as unreadable, not as garbage', () => {
    const { db } = tempStore()
    createEncryptedSecrets(db, testCipher()).write('ngrok_authtoken', 'tok_abcdefgh')
    expect(() => createEncryptedSecrets(db, testCipher()).read('ngrok_authtoken')).toThrow(SecretUnreadable)
    expect(() => createEncryptedSecrets(db, null).read('ngrok_authtoken')).toThrow(SecretUnreadable)
  })

  it('without a cipher (the browser host) refuses to store and changes nothing', () => {
    const { db } = tempStore()
    const secrets = createEncryptedSecrets(db, null)
    const before = snapshot(db)
    expect(secrets.available).toBe(false)
    expect(secrets.unavailableReason).toMatch(/browser host .* environment/)
    expect(() => secrets.write('stripe_secret_key', 'sk_live_abc')).toThrow(expect.objectContaining({ code: 'unavailable' }))
    expect(snapshot(db)).toBe(before)
  })

  it('refuses a cipher that returns the plain text', () => {
    const { db } = tempStore()
    const identity: SecretCipher = { encrypt: (plain) => Buffer.from(`x${plain}`), decrypt: (data) => data.toString().slice(1) }
    const before = snapshot(db)
    expect(() => createEncryptedSecrets(db, identity).write('k', 'sk_live_plain123')).toThrow(/unencrypted/)
    expect(snapshot(db)).toBe(before)
  })
})

describe('cipherAvailability', () => {
  it('trusts Keychain, DPAPI and libsecret but not Chromium\'s built-in fallback', () => {
    expect(cipherAvailability({ encryptionAvailable: true, backend: null })).toBeNull()
    expect(cipherAvailability({ encryptionAvailable: true, backend: 'gnome_libsecret' })).toBeNull()
    expect(cipherAvailability({ encryptionAvailable: true, backend: 'kwallet5' })).toBeNull()
    expect(cipherAvailability({ encryptionAvailable: true, backend: 'basic_text' })).toMatch(/No keyring/)
    expect(cipherAvailability({ encryptionAvailable: false, backend: null })).toMatch(/no encrypted store/)
  })
})
