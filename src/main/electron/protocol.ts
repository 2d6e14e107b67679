import { join } from 'node:path'
import { protocol } from 'electron'
import { serveAppRequest } from './app-protocol'

export { APP_ORIGIN } from '@shared/app-origin'
const RENDERER_DIR = join(import.meta.dirname, '../renderer')

/** Must run before app is ready: app:// behaves like a secure https origin, so the page gets a real origin and CSP. */
export function registerAppScheme() {
  protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }])
}

/**
 * Serves the built renderer with our CSP header; in development the Vite dev server is used instead.
 * The CSP is read per request: saving real keys in Settings allows Stripe.js from the next page load.
 */
export function registerAppProtocol(csp: () => string) {
  protocol.handle('app', async (request) => {
    const response = await serveAppRequest(RENDERER_DIR, request.url, csp())
    return new Response(typeof response.body === 'string' ? response.body : new Uint8Array(response.body), { status: response.status, headers: response.headers })
  })
}
