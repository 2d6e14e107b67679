// The Electron shell's bindings, run against a mocked `electron` module (as electron/fiddle tests do):
// no Electron binary runs here, but what the shell asks Electron to do is checked call by call.
import { EventEmitter } from 'node:events'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

const fake = vi.hoisted(() => {
  const state = {
    isPackaged: true,
    lock: true,
    appHandlers: new Map<string, (...args: unknown[]) => void>(),
    ipcHandlers: new Map<string, (...args: unknown[]) => unknown>(),
    windows: [] as Array<{ options: { webPreferences: Record<string, unknown> }; loadURL: ReturnType<typeof vi.fn> }>,
    permissionRequest: undefined as undefined | ((...args: unknown[]) => void),
    permissionCheck: undefined as undefined | ((...args: unknown[]) => boolean),
    devicePermission: undefined as undefined | ((...args: unknown[]) => boolean),
  }
  return state
})

vi.mock('electron', () => {
  class BrowserWindow {
    webContents = { id: 7, send: vi.fn() }
    loadURL = vi.fn(async () => undefined)
    constructor(readonly options: { webPreferences: Record<string, unknown> }) {
      fake.windows.push(this)
    }
    once() {}
    on() {}
    isDestroyed = () => false
    isMinimized = () => false
    restore() {}
    focus() {}
  }
  const app = {
    get isPackaged() {
      return fake.isPackaged
    },
    requestSingleInstanceLock: vi.fn(() => fake.lock),
    quit: vi.fn(),
    exit: vi.fn(),
    whenReady: vi.fn(() => new Promise(() => {})),
    on: vi.fn((name: string, handler: (...args: unknown[]) => void) => void fake.appHandlers.set(name, handler)),
    getPath: vi.fn(() => '/nonexistent'),
    getVersion: vi.fn(() => '0.0.0'),
  }
  const session = {
    defaultSession: {
      setPermissionRequestHandler: (handler: (...args: unknown[]) => void) => (fake.permissionRequest = handler),
      setPermissionCheckHandler: (handler: (...args: unknown[]) => boolean) => (fake.permissionCheck = handler),
      setDevicePermissionHandler: (handler: (...args: unknown[]) => boolean) => (fake.devicePermission = handler),
    },
  }
  const electron = {
    app,
    session,
    BrowserWindow,
    ipcMain: { handle: vi.fn((channel: string, handler: (...args: unknown[]) => unknown) => void fake.ipcHandlers.set(channel, handler)) },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    dialog: { showErrorBox: vi.fn() },
    shell: { openExternal: vi.fn() },
    net: { isOnline: vi.fn(() => true) },
    powerMonitor: { on: vi.fn(), off: vi.fn() },
    safeStorage: { isEncryptionAvailable: vi.fn(() => false) },
  }
  return { ...electron, default: electron }
})

const electron = await import('electron')
/** The till starter compose.ts would be: never reached here, since whenReady never resolves in these tests. */
const neverStarts = () => Promise.reject(new Error('the till is not started in these tests'))

beforeEach(() => {
  vi.resetModules()
  vi.clearAllMocks()
  fake.isPackaged = true
  fake.lock = true
  fake.appHandlers.clear()
  fake.ipcHandlers.clear()
  fake.windows.length = 0
  vi.stubEnv('ELECTRON_RENDERER_URL', 'https://evil.example/')
})
afterEach(() => vi.unstubAllEnvs())

describe('start-up', () => {
  it('ends at once when another instance holds the lock: nothing registered, nothing started', async () => {
    fake.lock = false
    const { startElectronApp } = await import('../../src/main/electron/start')
    expect(startElectronApp(neverStarts)).toBe(false)
    expect(electron.app.quit).toHaveBeenCalledOnce()
    expect(electron.app.whenReady).not.toHaveBeenCalled()
    expect(electron.app.on).not.toHaveBeenCalled()
    expect(electron.protocol.registerSchemesAsPrivileged).not.toHaveBeenCalled()
  })

  it('goes on to register the app scheme and wait for ready when it holds the lock', async () => {
    const { startElectronApp } = await import('../../src/main/electron/start')
    expect(startElectronApp(neverStarts)).toBe(true)
    expect(electron.app.quit).not.toHaveBeenCalled()
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledOnce()
    expect(electron.app.whenReady).toHaveBeenCalledOnce()
  })
})

describe('the window', () => {
  it('ignores ELECTRON_RENDERER_URL and has no DevTools when packaged', async () => {
    const { createMainWindow } = await import('../../src/main/electron/window')
    createMainWindow()
    expect(fake.windows[0]!.loadURL).toHaveBeenCalledWith('app://coursetill/index.html')
    expect(fake.windows[0]!.options.webPreferences).toMatchObject({ devTools: false, contextIsolation: true, sandbox: true, nodeIntegration: false })
  })

  it('uses the dev server, with DevTools, only in development', async () => {
    fake.isPackaged = false
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173')
    const { createMainWindow } = await import('../../src/main/electron/window')
    createMainWindow()
    expect(fake.windows[0]!.loadURL).toHaveBeenCalledWith('http://localhost:5173')
    expect(fake.windows[0]!.options.webPreferences.devTools).toBe(true)
  })
})

/** A web contents as hardenSessions sees it: events, and a window-open handler. */
async function hardenedContents() {
  const { hardenSessions } = await import('../../src/main/electron/security')
  hardenSessions()
  const contents = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn() })
  fake.appHandlers.get('web-contents-created')!({}, contents)
  const navigate = (name: string, url: string, extra: Record<string, unknown> = {}) => {
    const event = { url, preventDefault: vi.fn(), ...extra }
    contents.emit(name, ...(name === 'will-frame-navigate' ? [event] : [event, url]))
    return event.preventDefault.mock.calls.length > 0 ? 'denied' : 'allowed'
  }
  return { contents, navigate }
}

describe('navigation', () => {
  const topFrame = { isMainFrame: true, frame: { parent: null } }
  const childFrame = { isMainFrame: false, frame: { parent: { parent: null } } }

  it('denies will-frame-navigate to anything but our app in the top frame and Stripe in our frames', async () => {
    const { navigate } = await hardenedContents()
    expect(navigate('will-frame-navigate', 'https://evil.example/', topFrame)).toBe('denied')
    expect(navigate('will-frame-navigate', 'app://coursetill/index.html', topFrame)).toBe('allowed')
    expect(navigate('will-frame-navigate', 'https://evil.example/', childFrame)).toBe('denied')
    expect(navigate('will-frame-navigate', 'app://coursetill/index.html', childFrame)).toBe('denied')
    expect(navigate('will-frame-navigate', 'https://js.stripe.com/v3/elements-inner-card.html', childFrame)).toBe('allowed')
    expect(navigate('will-frame-navigate', 'https://evil.example/', { isMainFrame: false, frame: null })).toBe('denied')
  })

  it('does not trust ELECTRON_RENDERER_URL when packaged', async () => {
    const { navigate } = await hardenedContents()
    expect(navigate('will-navigate', 'https://evil.example/')).toBe('denied')
    expect(navigate('will-frame-navigate', 'https://evil.example/', topFrame)).toBe('denied')
  })

  it('refuses every permission request and check through the session handlers', async () => {
    await hardenedContents()
    const answers: boolean[] = []
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      fake.permissionRequest!({}, permission, (granted: boolean) => answers.push(granted), { requestingUrl: 'app://coursetill/index.html' })
      answers.push(fake.permissionCheck!({}, permission, 'app://coursetill'))
    }
    answers.push(fake.devicePermission!({ deviceType: 'usb', origin: 'app://coursetill' }))
    expect(answers).toHaveLength(11)
    expect(answers.every((granted) => granted === false)).toBe(true)
  })
})

describe('IPC', () => {
  async function registered() {
    const { createMainWindow } = await import('../../src/main/electron/window')
    const { registerIpc } = await import('../../src/main/electron/ipc')
    createMainWindow()
    const dispatch = vi.fn(async () => ({ ok: true, value: 'answered' }))
    registerIpc({ dispatch, bus: { subscribe: vi.fn() } } as never)
    const call = (frameUrl: string, sender: { parent?: object | null; webContentsId?: number } = {}) =>
      fake.ipcHandlers.get('app:info')!({ senderFrame: { url: frameUrl, parent: sender.parent ?? null }, sender: { id: sender.webContentsId ?? 7 } }, {})
    return { dispatch, call }
  }

  it('registers one handler per contract channel', async () => {
    const { CHANNEL_NAMES } = await import('../../src/shared/ipc-contract')
    await registered()
    expect([...fake.ipcHandlers.keys()].sort()).toEqual([...CHANNEL_NAMES].sort())
  })

  it('refuses a subframe of our page (a Stripe iframe) and another window, even showing our URL', async () => {
    const { dispatch, call } = await registered()
    expect(await call('app://coursetill/index.html', { parent: {} })).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(await call('app://coursetill/index.html', { webContentsId: 8 })).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(dispatch).not.toHaveBeenCalled()
  })

  it('does not make the ELECTRON_RENDERER_URL page a trusted sender when packaged', async () => {
    const { dispatch, call } = await registered()
    expect(await call('https://evil.example/')).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(dispatch).not.toHaveBeenCalled()
    expect(await call('app://coursetill/index.html')).toEqual({ ok: true, value: 'answered' })
    expect(dispatch).toHaveBeenCalledWith('app:info', {}, { seat: 'till-window' })
  })

  it('trusts the dev server in development only', async () => {
    fake.isPackaged = false
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173')
    const { call } = await registered()
    expect(await call('http://localhost:5173/')).toEqual({ ok: true, value: 'answered' })
  })
})
