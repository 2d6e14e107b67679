import type { LiveEvent } from '@shared/domain'
import { AppError, type Envelope } from '@shared/errors'
import type { Channel, ChannelInput, ChannelResult, CourseTillApi } from '@shared/ipc-contract'
import { reportOffline, reportOnline } from './connection'
import { setStaffSession, withStaffToken } from './staff-session'

/** The raw bridge the preload exposes in Electron: envelopes in, envelopes out. */
export interface PreloadBridge {
  invoke(channel: string, input: unknown): Promise<Envelope<unknown>>
  onLiveEvent(listener: (event: LiveEvent) => void): () => void
}

declare global {
  interface Window {
    coursetill?: PreloadBridge
  }
}

function unwrap<T>(envelope: Envelope<unknown>): T {
  if (envelope.ok) return envelope.value as T
  // The main process has no live session for the person here (idle lock, PIN reset, restart): back to sign-in.
  if (envelope.error.code === 'signin_required') setStaffSession(null)
  throw new AppError(envelope.error.code, envelope.error.message, envelope.error.details)
}

export function ipcApi(bridge: PreloadBridge): CourseTillApi {
  return {
    invoke: async <C extends Channel>(channel: C, input: ChannelInput<C>) =>
      unwrap<ChannelResult<C>>(await bridge.invoke(channel, withStaffToken(input))),
    onLiveEvent: (listener) => bridge.onLiveEvent(listener),
  }
}

/** The browser host's transport: the same calls as POSTs on loopback, live events as server-sent events. */
export function httpApi(base = ''): CourseTillApi {
  let source: EventSource | null = null
  const listeners = new Set<(event: LiveEvent) => void>()
  const transport: CourseTillApi = {
    async invoke<C extends Channel>(channel: C, input: ChannelInput<C>) {
      let response: Response
      try {
        response = await fetch(`${base}/api/${encodeURIComponent(channel)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(withStaffToken(input)),
        })
      } catch {
        reportOffline(probe)
        throw new AppError('unavailable', 'CourseTill is not answering just now; it will carry on by itself when it is back')
      }
      reportOnline()
      const body = (await response.json().catch(() => null)) as Envelope<unknown> | null
      if (!body) throw new AppError('internal', `CourseTill answered ${response.status} without a result`)
      return unwrap<ChannelResult<C>>(body)
    },
    onLiveEvent(listener) {
      listeners.add(listener)
      if (!source) {
        source = new EventSource(`${base}/api/events`)
        // EventSource reconnects by itself; its error and open events tell when the host went away and came back.
        source.onerror = () => reportOffline(probe)
        source.onopen = () => reportOnline()
        source.onmessage = (message) => {
          const event = JSON.parse(message.data as string) as LiveEvent
          for (const l of [...listeners]) l(event)
        }
      }
      return () => {
        listeners.delete(listener)
        if (listeners.size === 0 && source) {
          source.close()
          source = null
        }
      }
    },
  }
  // Any cheap call that reaches the host proves it is back.
  const probe = () => transport.invoke('manager:status', {}).then(() => true, () => false)
  return transport
}

/** The renderer's one API object; it does not know which transport it has. */
export const api: CourseTillApi = window.coursetill ? ipcApi(window.coursetill) : httpApi()
