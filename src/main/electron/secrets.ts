import { safeStorage } from 'electron'
import type { SecretCipher } from '../core/keys/encrypted-secrets'
import { cipherAvailability } from '../core/keys/encrypted-secrets'

/** safeStorage (Keychain, DPAPI, libsecret/KWallet) as the core's cipher; null with the reason when it would not really encrypt. */
export function safeStorageCipher(): { cipher: SecretCipher | null; unavailableReason?: string } {
  const reason = cipherAvailability({
    encryptionAvailable: safeStorage.isEncryptionAvailable(),
    backend: process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : null,
  })
  if (reason) return { cipher: null, unavailableReason: reason }
  return { cipher: { encrypt: (plain) => safeStorage.encryptString(plain), decrypt: (encrypted) => safeStorage.decryptString(encrypted) } }
}
