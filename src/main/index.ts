// Entry of the Electron app: a thin shell around the same core the browser host runs.
import { app, dialog } from 'electron'
import { startCourseTill, type CourseTill } from './core/app'
import { loadConfig } from './core/config'
import { contentSecurityPolicy } from './core/csp'
import { registerAppProtocol, registerAppScheme } from './electron/protocol'
import { registerIpc } from './electron/ipc'
import { hardenSessions } from './electron/security'
import { createMainWindow } from './electron/window'

registerAppScheme()
// One till per machine: a second launch focuses the first window instead of opening the store twice.
if (!app.requestSingleInstanceLock()) app.quit()

let till: CourseTill | undefined

app.whenReady().then(async () => {
  try {
    const config = loadConfig(process.env, { userDataDir: app.getPath('userData') })
    till = await startCourseTill(config, { version: app.getVersion() })
    const sandboxApi = till.payments.client.sandboxApiUrl
    const csp = contentSecurityPolicy({ realStripe: config.mode !== 'sandbox', connect: sandboxApi ? [sandboxApi] : [] })
    hardenSessions()
    registerAppProtocol(csp)
    registerIpc(till)
    createMainWindow()
  } catch (error) {
    dialog.showErrorBox('CourseTill cannot start', (error as Error).message)
    app.exit(1)
  }
})

app.on('second-instance', () => createMainWindow({ focusExisting: true }))
app.on('window-all-closed', () => app.quit())
app.on('will-quit', () => void till?.close())
