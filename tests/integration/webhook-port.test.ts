// The webhook port as the tunnel exposes it: one exact path, and no socket kept open by a slow sender.
import { connect, type Socket } from 'node:net'
import Stripe from 'stripe'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { startWebhookServer, type WebhookServer } from '../../src/main/webhooks/server'

const SECRET = 'whsec_coursetill_port_tests'
const signer = new Stripe('sk_test_signer').webhooks
let server: WebhookServer
const processed = vi.fn(async () => ({ outcome: 'applied' as const, duplicate: false }))

afterEach(async () => {
  await server?.close()
  processed.mockClear()
})

async function start(requestTimeoutMs?: number) {
  server = await startWebhookServer({ port: 0, secrets: () => [SECRET], process: processed as never, requestTimeoutMs })
  return server
}

function signedEvent() {
  const body = JSON.stringify({ id: 'evt_test_port1', object: 'event', type: 'customer.created', created: Math.floor(Date.now() / 1000), data: { object: { id: 'cus_1', object: 'customer' } } })
  return { body, signature: signer.generateTestHeaderString({ payload: body, secret: SECRET }) }
}

/** Resolves with what the server wrote once it closes the socket. */
function closed(socket: Socket): Promise<string> {
  let received = ''
  socket.setEncoding('utf8')
  socket.on('data', (chunk: string) => (received += chunk))
  return new Promise((resolve) => socket.on('close', () => resolve(received)))
}

describe('the webhook port', () => {
  it('answers only the exact path: other cases and a trailing slash are 404 and reach nothing', async () => {
    await start()
    const { body, signature } = signedEvent()
    for (const path of ['/webhooks/Stripe', '/WEBHOOKS/STRIPE', '/webhooks/stripe/', '/Webhooks/stripe']) {
      const response = await fetch(`http://127.0.0.1:${server.port}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Stripe-Signature': signature }, body })
      expect(response.status, path).toBe(404)
    }
    expect(processed).not.toHaveBeenCalled()
    const exact = await fetch(server.url, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Stripe-Signature': signature }, body })
    expect(exact.status).toBe(200)
    expect(processed).toHaveBeenCalledOnce()
  })

  // A short timeout stands in for the 15 s one: the point is that the socket is closed at all, not how fast.
  it('closes a socket whose body trickles in, with 408, and applies nothing', { timeout: 10_000 }, async () => {
    await start(300)
    const socket = connect(server.port, '127.0.0.1')
    const done = closed(socket)
    socket.write(`POST /webhooks/stripe HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"id":`)
    const trickle = setInterval(() => socket.writable && socket.write(' '), 100)
    try {
      expect(await done).toMatch(/^HTTP\/1\.1 408/)
    } finally {
      clearInterval(trickle)
    }
    expect(processed).not.toHaveBeenCalled()
  })

  it('closes a socket whose headers never end', { timeout: 10_000 }, async () => {
    await start(300)
    const socket = connect(server.port, '127.0.0.1')
    const done = closed(socket)
    socket.write('POST /webhooks/stripe HTTP/1.1\r\nHost: 127.0.0.1\r\n')
    const trickle = setInterval(() => socket.writable && socket.write('X-Slow: 1\r\n'), 100)
    try {
      await done
    } finally {
      clearInterval(trickle)
    }
    expect(socket.destroyed).toBe(true)
  })
})
