import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { protocol } from 'electron'
import { resolveRendererFile, contentTypeFor } from '../core/renderer-files'

export { APP_ORIGIN } from '../core/app-origin'
const RENDERER_DIR = join(import.meta.dirname, '../renderer')

/** Must run before app is ready: app:// behaves like a secure https origin, so the page gets a real origin and CSP. */
export function registerAppScheme() {
  protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }])
}

/** Serves the built renderer with our CSP header; in development the Vite dev server is used instead. */
export function registerAppProtocol(csp: string) {
  protocol.handle('app', async (request) => {
    const file = resolveRendererFile(RENDERER_DIR, new URL(request.url))
    if (!file) return new Response('Not found', { status: 404 })
    try {
      const body = await readFile(file)
      return new Response(body, { headers: { 'Content-Type': contentTypeFor(file), 'Content-Security-Policy': csp } })
    } catch {
      return new Response('Not found', { status: 404 })
    }
  })
}
