import { join } from 'node:path'
import { app, BrowserWindow } from 'electron'
import { APP_ORIGIN } from '@shared/app-origin'
import { rendererDevServer } from './dev-server'
import { secureWebPreferences } from './window-policy'

let mainWindow: BrowserWindow | null = null

export function ourWindows(): BrowserWindow[] {
  return mainWindow && !mainWindow.isDestroyed() ? [mainWindow] : []
}

export function createMainWindow(options: { focusExisting?: boolean } = {}): BrowserWindow {
  if (mainWindow && !mainWindow.isDestroyed()) {
    if (options.focusExisting) {
      if (mainWindow.isMinimized()) mainWindow.restore()
      mainWindow.focus()
    }
    return mainWindow
  }
  mainWindow = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'CourseTill',
    webPreferences: secureWebPreferences(join(import.meta.dirname, '../preload/index.cjs'), { isPackaged: app.isPackaged }),
  })
  mainWindow.once('ready-to-show', () => mainWindow?.show())
  mainWindow.on('closed', () => (mainWindow = null))
  void mainWindow.loadURL(rendererDevServer(app.isPackaged) ?? `${APP_ORIGIN}/index.html`)
  return mainWindow
}
