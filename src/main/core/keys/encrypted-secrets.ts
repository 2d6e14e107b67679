import { AppError } from '@shared/errors'
import { readSetting } from '../settings'
import type { Db } from '../store/db'
import { sql } from '../store/statements'

/** An encrypt/decrypt pair: Electron's safeStorage in the app, a test cipher in tests. */
export interface SecretCipher {
  encrypt(plain: string): Buffer
  decrypt(encrypted: Buffer): string
}

/**
 * Secrets kept in app_setting, encrypted by the platform's key store (Keychain, DPAPI, libsecret).
 * Without a cipher (the browser host) nothing can be stored: only environment variables supply secrets.
 */
export interface EncryptedSecrets {
  readonly available: boolean
  /** Why secrets cannot be stored here, for Settings; null when they can. */
  readonly unavailableReason: string | null
  /** Null when absent; throws SecretUnreadable when it cannot be decrypted (another machine, another user). */
  read(name: string): string | null
  /** Call inside the transaction that audits the change. */
  write(name: string, value: string): void
  remove(name: string): void
}

export class SecretUnreadable extends Error {
  override name = 'SecretUnreadable'
}

export const BROWSER_HOST_NO_STORE =
  'The browser host has no encrypted store for secrets: set STRIPE_SECRET_KEY and STRIPE_PUBLISHABLE_KEY (and NGROK_AUTHTOKEN) in its environment and restart it'

const FORMAT = 'enc1:'
const settingKey = (name: string) => `secret:${name}`

export function createEncryptedSecrets(db: Db, cipher: SecretCipher | null, unavailableReason = BROWSER_HOST_NO_STORE): EncryptedSecrets {
  return {
    available: cipher !== null,
    unavailableReason: cipher ? null : unavailableReason,
    read(name) {
      const stored = readSetting(db, settingKey(name))
      if (stored === undefined) return null
      if (!cipher || !stored.startsWith(FORMAT)) throw new SecretUnreadable(`The saved ${name} cannot be read on this machine`)
      try {
        return cipher.decrypt(Buffer.from(stored.slice(FORMAT.length), 'base64'))
      } catch {
        throw new SecretUnreadable(`The saved ${name} cannot be decrypted on this machine (another user or a reset keyring?)`)
      }
    },
    write(name, value) {
      if (!cipher) throw new AppError('unavailable', unavailableReason)
      const encrypted = cipher.encrypt(value)
      // A cipher that hands back the plain text would defeat the point: refuse rather than store it in clear.
      if (encrypted.includes(Buffer.from(value))) throw new AppError('internal', 'The secret store returned unencrypted data; nothing was saved')
      sql(db, 'INSERT INTO app_setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
        settingKey(name),
        FORMAT + encrypted.toString('base64'),
      )
    },
    remove(name) {
      sql(db, 'DELETE FROM app_setting WHERE key = ?').run(settingKey(name))
    },
  }
}

/**
 * Whether the platform store really encrypts. On Linux without a keyring Electron falls back to
 * "basic_text", a fixed key compiled into Chromium: that is obfuscation, so CourseTill stores nothing then.
 */
export function cipherAvailability(platform: { encryptionAvailable: boolean; backend: string | null }): string | null {
  if (!platform.encryptionAvailable) return 'This computer offers no encrypted store for secrets: set the keys in the environment instead'
  if (platform.backend === 'basic_text' || platform.backend === 'unknown') {
    return 'No keyring is running (GNOME Keyring or KWallet), so secrets could not be stored encrypted: start one, or set the keys in the environment'
  }
  return null
}
