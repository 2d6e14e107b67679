// Entry of the Electron app: the Electron shell (electron/start.ts) around the till that compose.ts assembles,
// the same one the browser host runs.
import { startCourseTill } from './compose'
import { startElectronApp } from './electron/start'

startElectronApp(async (config, options) => {
  const till = await startCourseTill(config, options)
  return { dispatch: till.dispatch, bus: till.ctx.bus, csp: till.csp, wake: till.wake, close: till.close }
})
