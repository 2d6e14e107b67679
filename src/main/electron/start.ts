import { app, dialog } from 'electron'
import type { Dispatch } from '../core/api/dispatch'
import type { LiveBus } from '../core/bus/live-bus'
import { loadConfig, type Config } from '../core/config'
import type { SecretCipher } from '../core/keys/encrypted-secrets'
import { registerAppProtocol, registerAppScheme } from './protocol'
import { registerIpc } from './ipc'
import { watchPowerAndNetwork } from './power'
import { safeStorageCipher } from './secrets'
import { hardenSessions } from './security'
import { createMainWindow } from './window'

/** What the shell needs of a started till: compose.ts's CourseTill has all of it. */
export interface ShellTill {
  dispatch: Dispatch
  bus: LiveBus
  /** The page's CSP for the keys in use, asked per request: saving keys in Settings can change it. */
  csp(): string
  wake(reason: string): void
  close(): Promise<void>
}

export type StartTill = (config: Config, options: { version: string; secrets: { cipher: SecretCipher | null; unavailableReason?: string } }) => Promise<ShellTill>

/**
 * Start-up of the Electron app; the entry (index.ts) hands in how to start the till (compose.ts), so this
 * shell never imports the composition root. One till per machine: when another instance holds the lock, this one
 * quits before anything else runs (no scheme, no handlers, no store opened twice); the first one focuses its
 * window. Returns false when it stepped aside.
 */
export function startElectronApp(startTill: StartTill): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return false
  }
  registerAppScheme()

  let till: ShellTill | undefined
  let stopWatching: (() => void) | undefined

  app.whenReady().then(async () => {
    try {
      const config = loadConfig(process.env, { userDataDir: app.getPath('userData') })
      // safeStorage can only be asked once the app is ready.
      till = await startTill(config, { version: app.getVersion(), secrets: safeStorageCipher() })
      const running = till
      hardenSessions()
      registerAppProtocol(() => running.csp())
      registerIpc(running)
      stopWatching = watchPowerAndNetwork((reason) => running.wake(reason))
      createMainWindow()
    } catch (error) {
      dialog.showErrorBox('CourseTill cannot start', (error as Error).message)
      app.exit(1)
    }
  })

  app.on('second-instance', () => createMainWindow({ focusExisting: true }))
  app.on('window-all-closed', () => app.quit())

  // Quit waits for the tunnel to close and the store to shut, then exits: nothing is cut off mid-write.
  let closing = false
  app.on('will-quit', (event) => {
    if (!till || closing) return
    closing = true
    event.preventDefault()
    stopWatching?.()
    void till.close().finally(() => app.exit(0))
  })
  return true
}
