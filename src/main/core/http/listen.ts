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
 * An HTTP server whose request timeout holds (headers and body; headersTimeout defaults to the smaller of it
 * and 60 s). Node checks it only every connectionsCheckingInterval, 30 s by default, so a socket trickling a
 * body outlived a 15 s requestTimeout by far: the check runs a few times per timeout here.
 */
export function createTimedServer(listener: RequestListener, requestTimeoutMs: number): Server {
  return createServer(
    {
      requestTimeout: requestTimeoutMs,
      connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(requestTimeoutMs / 4))),
    },
    listener,
  )
}
