// Entry of the Electron app: a thin shell around the same core the browser host runs (electron/start.ts).
import { startElectronApp } from './electron/start'

startElectronApp()
