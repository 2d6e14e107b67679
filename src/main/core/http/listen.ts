import { createServer, type RequestListener, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

/** Listens on loopback only (never on all interfaces) and resolves with the port actually bound. */
export function listenOnLoopback(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject)
      resolve((server.address() as AddressInfo).port)
    })
  })
}

/** Stops accepting, ends open keep-alive sockets, and resolves once the server is closed. */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve())
    server.closeAllConnections()
  })
}

/**
 * An HTTP server whose request and header timeouts hold. Node checks them only every
 * connectionsCheckingInterval (30 s by default) and headersTimeout defaults to 60 s, so a socket trickling a
 * body lived 60–90 s although requestTimeout said 15: all three are set together here.
 */
export function createTimedServer(listener: RequestListener, requestTimeoutMs: number): Server {
  return createServer(
    {
      requestTimeout: requestTimeoutMs,
      headersTimeout: requestTimeoutMs,
      connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(requestTimeoutMs / 4))),
      keepAliveTimeout: Math.min(5000, requestTimeoutMs),
    },
    listener,
  )
}
