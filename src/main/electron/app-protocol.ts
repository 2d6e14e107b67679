import { readFile } from 'node:fs/promises'
import { contentTypeFor, resolveRendererFile } from '../core/renderer-files'

export interface ProtocolResponse {
  status: number
  headers: Record<string, string>
  body: Buffer | string
}

/**
 * What app://coursetill/<path> answers: a file of the built renderer with our CSP, or 404 (with the CSP too).
 * Pure of Electron, so the headers every page gets are tested in plain Node. A custom protocol rather than
 * file:// gives the page a real origin, so the CSP and same-origin rules apply as on the web.
 */
export async function serveAppRequest(rendererDir: string, url: string, csp: string, read: (file: string) => Promise<Buffer> = readFile): Promise<ProtocolResponse> {
  const baseHeaders = { 'Content-Security-Policy': csp, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' }
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return { status: 400, headers: { ...baseHeaders, 'Content-Type': 'text/plain' }, body: 'Bad request' }
  }
  const file = resolveRendererFile(rendererDir, parsed)
  const notFound: ProtocolResponse = { status: 404, headers: { ...baseHeaders, 'Content-Type': 'text/plain' }, body: 'Not found' }
  if (!file) return notFound
  try {
    return { status: 200, headers: { ...baseHeaders, 'Content-Type': contentTypeFor(file) }, body: await read(file) }
  } catch {
    return notFound
  }
}
