// Serves the built harness over HTTP (Stripe.js, and so the stand-in, expects an
// http(s) page, not file://) with a CSP stricter than the app's: no inline styles
// at all, so anything the stand-in draws must style itself through CSSOM.

import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, sep } from 'node:path'

export interface HarnessServer {
  url: string
  close(): Promise<void>
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
}

export const HARNESS_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self' http://127.0.0.1:*",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ')

export async function serveHarness(rootDir: string): Promise<HarnessServer> {
  const server = createServer((request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://harness').pathname
    const filePath = normalize(join(rootDir, pathname === '/' ? 'index.html' : decodeURIComponent(pathname)))
    if (!filePath.startsWith(rootDir + sep)) {
      response.writeHead(403).end()
      return
    }
    stat(filePath).then(
      (info) => {
        if (!info.isFile()) throw new Error('not a file')
        response.writeHead(200, {
          'Content-Type': CONTENT_TYPES[extname(filePath)] ?? 'application/octet-stream',
          'Content-Security-Policy': HARNESS_CSP,
          'Cache-Control': 'no-store',
        })
        createReadStream(filePath).pipe(response)
      },
      () => response.writeHead(404).end(),
    )
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  }
}
