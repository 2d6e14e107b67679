import { extname, join, normalize, sep } from 'node:path'

/**
 * Maps an app:// URL to a file inside the built renderer, or null. Pure, so path traversal
 * ("app://coursetill/../../etc/passwd", encoded dots, other hosts) is tested without Electron.
 */
export function resolveRendererFile(rendererDir: string, url: URL, expectedHost = 'coursetill'): string | null {
  if (url.protocol !== 'app:' || url.host !== expectedHost) return null
  let pathname: string
  try {
    pathname = decodeURIComponent(url.pathname)
  } catch {
    return null
  }
  if (pathname.includes('\0')) return null
  const relative = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '')
  const root = normalize(rendererDir + sep)
  const file = normalize(join(rendererDir, relative))
  return file.startsWith(root) ? file : null
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
}

export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream'
}
