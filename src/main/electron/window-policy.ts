// Electron security decisions as pure functions: src/main/electron only binds them to Electron's events,
// so every rule here is tested in plain Node (tests/unit/live-security.test.ts).
import { isOwnRendererUrl } from './trusted-sender'

/**
 * Pages the system browser may open on the till's behalf: Stripe's and ngrok's dashboards and docs, linked
 * from Settings. Anything else is refused: a link in rendered data must never launch arbitrary handlers.
 */
export const EXTERNAL_HOSTS = ['dashboard.stripe.com', 'docs.stripe.com', 'stripe.com', 'support.stripe.com', 'dashboard.ngrok.com', 'ngrok.com'] as const

/** https only, a known host, no credentials, no explicit port. */
export function isSafeExternalUrl(url: string): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (parsed.protocol !== 'https:' || parsed.username || parsed.password || parsed.port) return false
  return (EXTERNAL_HOSTS as readonly string[]).includes(parsed.hostname.toLowerCase())
}

/** The window shows our app and nothing else: any other navigation (a link, a redirect, a drop) is cancelled. */
export function decideNavigation(url: string, devServerUrl?: string): 'allow' | 'deny' {
  return isOwnRendererUrl(url, devServerUrl) ? 'allow' : 'deny'
}

/** Frames our page may embed (Stripe Elements with real keys), as in the CSP's frame-src. */
export const STRIPE_FRAME_ORIGINS = ['https://js.stripe.com', 'https://hooks.stripe.com'] as const

export interface FrameNavigation {
  url: string
  isMainFrame: boolean
  /** True for a frame embedded directly in our page (not one nested inside Stripe's frames). */
  parentIsMainFrame: boolean
}

/**
 * will-frame-navigate, for every frame: the top frame shows our app only; a frame our page embeds may only be
 * Stripe's. Frames nested inside Stripe's (a bank's 3-D Secure page) are Stripe's business and stay isolated.
 */
export function decideFrameNavigation(navigation: FrameNavigation, devServerUrl?: string): 'allow' | 'deny' {
  if (navigation.isMainFrame) return decideNavigation(navigation.url, devServerUrl)
  if (!navigation.parentIsMainFrame) return 'allow'
  let origin: string
  try {
    origin = new URL(navigation.url).origin
  } catch {
    return 'deny'
  }
  return (STRIPE_FRAME_ORIGINS as readonly string[]).includes(origin) ? 'allow' : 'deny'
}

/** No new Electron windows ever; an allowed external page goes to the system browser instead. */
export function decideWindowOpen(url: string): { action: 'deny'; openExternally: string | null } {
  return { action: 'deny', openExternally: isSafeExternalUrl(url) ? url : null }
}

/** A till needs no camera, microphone, location, notifications, MIDI, HID, serial or USB: all refused. */
export function decidePermission(_permission: string, _requestingUrl?: string): boolean {
  return false
}

export interface SenderFacts {
  /** The URL of the frame that sent the message; null if the frame is gone. */
  frameUrl: string | null
  isMainFrame: boolean
  webContentsId: number
}

/** Only the top frame of one of our windows, showing our own page, may call the API (never a Stripe iframe). */
export function isTrustedSender(sender: SenderFacts, ourWebContentsIds: readonly number[], devServerUrl?: string): boolean {
  if (!sender.frameUrl || !sender.isMainFrame) return false
  if (!ourWebContentsIds.includes(sender.webContentsId)) return false
  return isOwnRendererUrl(sender.frameUrl, devServerUrl)
}

/** The BrowserWindow's webPreferences: isolation, the OS sandbox, no Node, web security on, no <webview>; DevTools only in development. */
export function secureWebPreferences(preload: string, options: { isPackaged: boolean }) {
  return {
    preload,
    devTools: !options.isPackaged,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    sandbox: true,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  } as const
}
