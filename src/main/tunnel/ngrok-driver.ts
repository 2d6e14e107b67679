import type { TunnelDriver } from '../core/connection/tunnel-driver'

/**
 * The official @ngrok/ngrok library (an in-process agent, no ngrok binary). Loaded only when a tunnel is
 * started, so a till without an authtoken never loads the native module.
 */
export function ngrokDriver(): TunnelDriver {
  return {
    async connect({ addr, authtoken, domain }) {
      const ngrok = await import('@ngrok/ngrok')
      const listeners = new Set<(reason: string) => void>()
      let lost = false
      const listener = await ngrok.forward({
        addr,
        authtoken,
        proto: 'http',
        ...(domain ? { domain } : {}),
        // 'closed' when the session to ngrok drops; we then close this listener and open a new one.
        onStatusChange: (status: string) => {
          if (status !== 'closed' || lost) return
          lost = true
          for (const listener of listeners) listener('the connection to ngrok was lost')
        },
      })
      const url = listener.url()
      if (!url) {
        await listener.close()
        throw new Error('ngrok opened a tunnel without a public URL')
      }
      return {
        url,
        close: () => listener.close(),
        onDisconnect: (listener) => void listeners.add(listener),
      }
    },
  }
}
