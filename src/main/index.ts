// Entry of the Electron app: a thin shell around the same core the browser host runs.
import { app, dialog } from 'electron'
import { startCourseTill, type CourseTill } from './compose'
import { loadConfig } from './core/config'
import { registerAppProtocol, registerAppScheme } from './electron/protocol'
import { registerIpc } from './electron/ipc'
import { watchPowerAndNetwork } from './electron/power'
import { safeStorageCipher } from './electron/secrets'
import { hardenSessions } from './electron/security'
import { createMainWindow } from './electron/window'

registerAppScheme()
// One till per machine: a second launch focuses the first window instead of opening the store twice.
if (!app.requestSingleInstanceLock()) app.quit()

let till: CourseTill | undefined
let stopWatching: (() => void) | undefined

app.whenReady().then(async () => {
  try {
    const config = loadConfig(process.env, { userDataDir: app.getPath('userData') })
    // safeStorage can only be asked once the app is ready.
    till = await startCourseTill(config, { version: app.getVersion(), secrets: safeStorageCipher() })
    const running = till
    hardenSessions()
    // Per request: keys saved in Settings switch sandbox ↔ Stripe, and the reloaded page gets the matching CSP.
    registerAppProtocol(running.csp)
    registerIpc({ dispatch: running.dispatch, bus: running.ctx.bus })
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
