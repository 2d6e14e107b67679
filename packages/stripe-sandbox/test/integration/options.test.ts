import { createServer } from 'node:net'
import { describe, expect, it } from 'vitest'
import { startSandbox } from '../../src'
import { sdkFor } from './helpers'

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  if (address === null || typeof address === 'string') throw new Error('no port')
  return address.port
}

describe('start options', () => {
  it('binds the requested port on 127.0.0.1 and closes idempotently', async () => {
    const port = await freePort()
    const sandbox = await startSandbox({ port })
    expect(sandbox.port).toBe(port)
    expect(sandbox.url).toBe(`http://127.0.0.1:${port}`)
    expect((await sdkFor(sandbox).customers.list()).data).toEqual([])
    await Promise.all([sandbox.close(), sandbox.close()])
    await expect(fetch(`${sandbox.url}/v1/customers`)).rejects.toThrow()
  })

  it('refuses a port in use', async () => {
    const first = await startSandbox()
    await expect(startSandbox({ port: first.port })).rejects.toThrow(/EADDRINUSE/)
    await first.close()
  })

  it('uses publicUrl in the links it hands out', async () => {
    const sandbox = await startSandbox({ publicUrl: 'https://sandbox.till.example/' })
    try {
      expect(sandbox.url).toBe('https://sandbox.till.example')
      const stripe = sdkFor(sandbox)
      const pi = await stripe.paymentIntents.create({
        amount: 1000,
        currency: 'usd', allowed_payment_method_types: ['card'],
        payment_method: 'pm_card_threeDSecure2Required',
        confirm: true,
      })
      expect((pi.next_action?.use_stripe_sdk as { stripe_js: string }).stripe_js).toBe(
        `https://sandbox.till.example/v1/sandbox/3ds/${pi.id}`,
      )
      const session = await stripe.checkout.sessions.create({
        mode: 'payment',
        line_items: [{ price_data: { currency: 'usd', unit_amount: 1000, product_data: { name: 'x' } }, quantity: 1 }],
        success_url: 'https://till.example/ok',
      })
      expect(session.url).toBe(`https://sandbox.till.example/checkout/${session.id}`)
    } finally {
      await sandbox.close()
    }
  })
})
