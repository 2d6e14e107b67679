import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { contentSecurityPolicy } from '../../src/main/electron/csp'
import { serveAppRequest } from '../../src/main/electron/app-protocol'
import { rendererDevServer } from '../../src/main/electron/dev-server'
import {
  decideFrameNavigation,
  decideNavigation,
  decideWindowOpen,
  isSafeExternalUrl,
  isTrustedSender,
  secureWebPreferences,
} from '../../src/main/electron/window-policy'
import { tempDir } from '../helpers/temp-store'

describe('navigation and new windows', () => {
  it('lets the window show only our app', () => {
    expect(decideNavigation('app://coursetill/index.html#/settings')).toBe('allow')
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'app://coursetill.evil/', 'javascript:alert(1)', 'http://127.0.0.1:4747/', 'not a url']) {
      expect(decideNavigation(url)).toBe('deny')
    }
    expect(decideNavigation('http://localhost:5173/', 'http://localhost:5173')).toBe('allow')
  })

  it('never opens an Electron window; only allowed https pages go to the system browser', () => {
    expect(decideWindowOpen('https://dashboard.stripe.com/webhooks')).toEqual({ action: 'deny', openExternally: 'https://dashboard.stripe.com/webhooks' })
    expect(decideWindowOpen('https://dashboard.ngrok.com/get-started/your-authtoken').openExternally).not.toBeNull()
    for (const url of [
      'http://dashboard.stripe.com/',
      'https://dashboard.stripe.com.evil.example/',
      'https://user:pass@dashboard.stripe.com/',
      'https://dashboard.stripe.com:8443/',
      'https://evil.example/',
      'file:///C:/Windows/system32/calc.exe',
      'smb://server/share',
      'ms-msdt:/id',
      'app://coursetill/index.html',
    ]) {
      expect(decideWindowOpen(url)).toEqual({ action: 'deny', openExternally: null })
      expect(isSafeExternalUrl(url)).toBe(false)
    }
  })

  it('lets a frame in our page be Stripe and nothing else', () => {
    const child = { isMainFrame: false, parentIsMainFrame: true }
    expect(decideFrameNavigation({ ...child, url: 'https://js.stripe.com/v3/controller.html' })).toBe('allow')
    expect(decideFrameNavigation({ ...child, url: 'https://hooks.stripe.com/3d_secure' })).toBe('allow')
    for (const url of ['https://js.stripe.com.evil.example/', 'http://js.stripe.com/', 'app://coursetill/index.html', 'https://evil.example/', 'not a url']) {
      expect(decideFrameNavigation({ ...child, url })).toBe('deny')
    }
    expect(decideFrameNavigation({ url: 'https://evil.example/', isMainFrame: true, parentIsMainFrame: false })).toBe('deny')
    expect(decideFrameNavigation({ url: 'app://coursetill/index.html', isMainFrame: true, parentIsMainFrame: false })).toBe('allow')
  })

  it('honours the dev server only in development', () => {
    expect(rendererDevServer(true, { ELECTRON_RENDERER_URL: 'https://evil.example/' })).toBeUndefined()
    expect(rendererDevServer(false, { ELECTRON_RENDERER_URL: 'http://localhost:5173' })).toBe('http://localhost:5173')
    expect(rendererDevServer(false, {})).toBeUndefined()
  })
})

describe('IPC sender validation', () => {
  const main = { frameUrl: 'app://coursetill/index.html', isMainFrame: true, webContentsId: 3 }
  it('accepts the top frame of our window showing our page', () => {
    expect(isTrustedSender(main, [3])).toBe(true)
  })
  it.each([
    ['a subframe (a Stripe iframe)', { ...main, isMainFrame: false }],
    ['another window', { ...main, webContentsId: 4 }],
    ['a foreign page in our window', { ...main, frameUrl: 'https://js.stripe.com/v3/' }],
    ['a destroyed frame', { ...main, frameUrl: null }],
    ['a lookalike host', { ...main, frameUrl: 'app://coursetill.evil/index.html' }],
  ])('refuses %s', (_label, sender) => {
    expect(isTrustedSender(sender, [3])).toBe(false)
  })
})

describe('window preferences', () => {
  it('isolates the renderer, sandboxes it and gives it no Node', () => {
    expect(secureWebPreferences('/app/preload.cjs', { isPackaged: true })).toMatchObject({
      preload: '/app/preload.cjs',
      devTools: false,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      sandbox: true,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    })
    expect(secureWebPreferences('/app/preload.cjs', { isPackaged: false }).devTools).toBe(true)
  })
})

describe('the app:// protocol response', () => {
  const csp = contentSecurityPolicy({ realStripe: false, connect: ['http://127.0.0.1:12111'] })
  const rendererDir = () => {
    const dir = tempDir()
    mkdirSync(join(dir, 'assets'))
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>t</title>')
    writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)')
    return dir
  }

  it('serves files with the CSP and nosniff', async () => {
    const dir = rendererDir()
    const page = await serveAppRequest(dir, 'app://coursetill/index.html', csp)
    expect(page.status).toBe(200)
    expect(page.headers).toMatchObject({ 'Content-Security-Policy': csp, 'X-Content-Type-Options': 'nosniff', 'Content-Type': 'text/html; charset=utf-8' })
    expect(String(page.body)).toContain('<title>t</title>')
    expect((await serveAppRequest(dir, 'app://coursetill/assets/app.js', csp)).headers['Content-Type']).toMatch(/javascript/)
  })

  it('answers 404 with the CSP too, for missing files, traversal and other hosts', async () => {
    const dir = rendererDir()
    for (const url of ['app://coursetill/missing.js', 'app://coursetill/..%2f..%2fetc%2fpasswd', 'app://other/index.html', 'not a url']) {
      const response = await serveAppRequest(dir, url, csp)
      expect(response.status).toBeGreaterThanOrEqual(400)
      expect(response.headers['Content-Security-Policy']).toBe(csp)
    }
  })
})
