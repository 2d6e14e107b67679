// The preload runs sandboxed: it only forwards calls. Validation happens in the main process.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import type { LiveEvent } from '../shared/domain'
import { isChannel, LIVE_EVENT_CHANNEL } from '../shared/ipc-contract'

contextBridge.exposeInMainWorld('coursetill', {
  invoke(channel: string, input: unknown) {
    // Only contract channels reach ipcRenderer, so the page can never name an arbitrary IPC channel.
    if (!isChannel(channel)) return Promise.resolve({ ok: false, error: { code: 'invalid_input', message: `Unknown API call "${channel}"` } })
    return ipcRenderer.invoke(channel, input)
  },
  onLiveEvent(listener: (event: LiveEvent) => void) {
    const forward = (_event: IpcRendererEvent, payload: LiveEvent) => listener(payload)
    ipcRenderer.on(LIVE_EVENT_CHANNEL, forward)
    return () => ipcRenderer.removeListener(LIVE_EVENT_CHANNEL, forward)
  },
})
