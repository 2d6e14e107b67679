import { ipcMain, type IpcMainInvokeEvent } from 'electron'
import { CHANNEL_NAMES, LIVE_EVENT_CHANNEL } from '@shared/ipc-contract'
import type { CourseTill } from '../core/app'
import { isOwnRendererUrl } from '../core/trusted-sender'
import { ourWindows } from './window'

/** Only the top frame of one of our windows, showing our own page, may call the API. */
function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame
  if (!frame || frame.parent !== null) return false
  const fromOurWindow = ourWindows().some((window) => window.webContents.id === event.sender.id)
  return fromOurWindow && isOwnRendererUrl(frame.url, process.env.ELECTRON_RENDERER_URL)
}

export function registerIpc(till: CourseTill) {
  for (const channel of CHANNEL_NAMES) {
    ipcMain.handle(channel, (event, input: unknown) => {
      if (!isTrustedSender(event)) {
        return { ok: false, error: { code: 'forbidden', message: 'This window may not call CourseTill' } }
      }
      return till.dispatch(channel, input)
    })
  }
  till.ctx.bus.subscribe((event) => {
    for (const window of ourWindows()) window.webContents.send(LIVE_EVENT_CHANNEL, event)
  })
}
