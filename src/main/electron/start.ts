import { app, dialog } from 'electron'
import { startCourseTill, type CourseTill } from '../core/app'
import { loadConfig } from '../core/config'
import { contentSecurityPolicy } from '../core/csp'
import { registerAppProtocol, registerAppScheme } from './protocol'
import { registerIpc } from './ipc'
import { watchPowerAndNetwork } from './power'
import { safeStorageCipher } from './secrets'
import { hardenSessions } from './security'
import { createMainWindow } from './window'

/**
 * Start-up of the Electron app. One till per machine: when another instance holds the lock, this one quits
 * before anything else runs (no scheme, no handlers, no store opened twice); the first one focuses its window.
 * Returns false when it stepped aside.
 */
export function startElectronApp(): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return false
  }
  registerAppScheme()

  let till: CourseTill | undefined
  let stopWatching: (() => void) | undefined

  app.whenReady().then(async () => {
    try {
      const config = loadConfig(process.env, { userDataDir: app.getPath('userData') })
      // safeStorage can only be asked once the app is ready.
      till = await startCourseTill(config, { version: app.getVersion(), secrets: safeStorageCipher() })
      const running = till
      // Per request: keys saved in Settings switch sandbox ↔ Stripe, and the reloaded page gets the matching CSP.
      const csp = () => {
        const client = running.payments.client
        return contentSecurityPolicy({ realStripe: client.mode !== 'sandbox', connect: client.sandboxApiUrl ? [client.sandboxApiUrl] : [] })
      }
      hardenSessions()
      registerAppProtocol(csp)
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
