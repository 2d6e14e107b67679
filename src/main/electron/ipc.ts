import { app, ipcMain, type IpcMainInvokeEvent } from 'electron'
import { CHANNEL_NAMES, LIVE_EVENT_CHANNEL } from '@shared/ipc-contract'
import type { Dispatch } from '../core/api/dispatch'
import type { LiveBus } from '../core/bus/live-bus'
import { rendererDevServer } from './dev-server'
import { isTrustedSender } from './window-policy'
import { ourWindows } from './window'

/** The one seat of the Electron app: its window (PIN guess limits are kept per seat). */
export const TILL_WINDOW_SEAT = 'till-window'

/** The facts the pure isTrustedSender() decides on, read from Electron's event. */
function senderOf(event: IpcMainInvokeEvent) {
  const frame = event.senderFrame
  return { frameUrl: frame?.url ?? null, isMainFrame: !!frame && frame.parent === null, webContentsId: event.sender.id }
}

export function registerIpc(till: { dispatch: Dispatch; bus: LiveBus }) {
  const devServer = rendererDevServer(app.isPackaged)
  for (const channel of CHANNEL_NAMES) {
    ipcMain.handle(channel, (event, input: unknown) => {
      const ours = ourWindows().map((window) => window.webContents.id)
      if (!isTrustedSender(senderOf(event), ours, devServer)) {
        return { ok: false, error: { code: 'forbidden', message: 'This window may not call CourseTill' } }
      }
      return till.dispatch(channel, input, { seat: TILL_WINDOW_SEAT })
    })
  }
  till.bus.subscribe((event) => {
    for (const window of ourWindows()) window.webContents.send(LIVE_EVENT_CHANNEL, event)
  })
}
