import { describe, expect, it } from 'vitest'
import { contentSecurityPolicy } from '../../src/main/electron/csp'
import { resolveRendererFile } from '../../src/main/core/renderer-files'
import { isOwnRendererUrl } from '../../src/main/electron/trusted-sender'

const root = '/opt/coursetill/out/renderer'

describe('resolveRendererFile', () => {
  it('serves files inside the renderer folder', () => {
    expect(resolveRendererFile(root, new URL('app://coursetill/'))).toBe(`${root}/index.html`)
    expect(resolveRendererFile(root, new URL('app://coursetill/index.html'))).toBe(`${root}/index.html`)
    expect(resolveRendererFile(root, new URL('app://coursetill/assets/index-abc.js'))).toBe(`${root}/assets/index-abc.js`)
  })
  it('refuses traversal, other hosts and other schemes', () => {
    // The URL parser folds dot segments (even encoded ones) before we see them: they stay inside the root.
    expect(resolveRendererFile(root, new URL('app://coursetill/../../etc/passwd'))).toBe(`${root}/etc/passwd`)
    expect(resolveRendererFile(root, new URL('app://coursetill/%2e%2e/%2e%2e/etc/passwd'))).toBe(`${root}/etc/passwd`)
    // Encoded slashes survive parsing and are decoded by us: the containment check must catch them.
    expect(resolveRendererFile(root, new URL('app://coursetill/..%2f..%2f..%2fetc%2fpasswd'))).toBeNull()
    expect(resolveRendererFile(root, new URL('app://coursetill/assets%2f..%2f..%2fsecret'))).toBeNull()
    expect(resolveRendererFile(root, new URL('app://coursetill/a%00.html'))).toBeNull()
    expect(resolveRendererFile(root, new URL('app://coursetill/%E0%A4%A'))).toBeNull()
    expect(resolveRendererFile(root, new URL('app://other/index.html'))).toBeNull()
    expect(resolveRendererFile(root, new URL('file:///etc/passwd'))).toBeNull()
  })
})

describe('isOwnRendererUrl', () => {
  it('trusts our app origin and the dev server only', () => {
    expect(isOwnRendererUrl('app://coursetill/index.html')).toBe(true)
    expect(isOwnRendererUrl('app://coursetill.evil/index.html')).toBe(false)
    expect(isOwnRendererUrl('https://example.com/')).toBe(false)
    expect(isOwnRendererUrl('file:///tmp/index.html')).toBe(false)
    expect(isOwnRendererUrl('not a url')).toBe(false)
    expect(isOwnRendererUrl('http://localhost:5173/', 'http://localhost:5173')).toBe(true)
    expect(isOwnRendererUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false)
  })
})

describe('contentSecurityPolicy', () => {
  it('allows no inline or remote script in sandbox mode', () => {
    const csp = contentSecurityPolicy({ realStripe: false, connect: ['http://127.0.0.1:12111/v1'] })
    expect(csp).toContain("script-src 'self';")
    expect(csp).not.toContain('unsafe-eval')
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/)
    expect(csp).toContain("connect-src 'self' http://127.0.0.1:12111;")
    expect(csp).toContain("object-src 'none'")
    expect(csp).toContain("frame-ancestors 'none'")
  })
  it('allows Stripe.js and its frames with real keys', () => {
    const csp = contentSecurityPolicy({ realStripe: true })
    expect(csp).toContain("script-src 'self' https://js.stripe.com;")
    expect(csp).toContain('frame-src https://js.stripe.com https://hooks.stripe.com')
    expect(csp).toContain("connect-src 'self' https://api.stripe.com")
  })
})
