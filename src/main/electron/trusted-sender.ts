import { APP_HOST, APP_SCHEME } from '@shared/app-origin'

/** True when url belongs to our own renderer: app://coursetill/..., or the Vite dev server in development. */
export function isOwnRendererUrl(url: string, devServerUrl?: string): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  // Node's URL gives custom schemes an opaque origin, so compare scheme and host instead.
  if (parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST) return true
  if (devServerUrl) {
    try {
      return parsed.origin === new URL(devServerUrl).origin
    } catch {
      return false
    }
  }
  return false
}
