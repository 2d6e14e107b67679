import type { Request, Response } from 'express'
import type { LiveBus } from '../core/bus/live-bus'

const KEEPALIVE_MS = 15_000

/** Server-sent events: the browser host's equivalent of the IPC push channel. Returns a stop function. */
export function streamLiveEvents(req: Request, res: Response, bus: LiveBus): () => void {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
  })
  // Tells EventSource how soon to reconnect if the host restarts.
  res.write('retry: 1000\n\n')
  const unsubscribe = bus.subscribe((event) => res.write(`data: ${JSON.stringify(event)}\n\n`))
  const keepalive = setInterval(() => res.write(': keepalive\n\n'), KEEPALIVE_MS)
  keepalive.unref()
  const stop = () => {
    clearInterval(keepalive)
    unsubscribe()
    res.end()
  }
  req.on('close', stop)
  return stop
}
