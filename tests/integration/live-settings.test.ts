import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { contentSecurityPolicy } from '../../src/main/electron/csp'
import { startHostServer, type HostServer } from '../../src/main/host/server'
import type { LiveEvent } from '../../src/shared/domain'
import { payAs } from '../helpers/test-till'
import { snapshot, tempDir } from '../helpers/temp-store'
import { startLiveTill, type LiveTill } from './live-fixtures'
import Stripe from 'stripe'
import { sandboxKeys } from '../../src/main/core/connection/sandbox-access'

let t: LiveTill | undefined
let host: HostServer | undefined
afterEach(async () => {
  await host?.close()
  await t?.close()
  t = host = undefined
})

const refusal = (promise: Promise<unknown>) => promise.then(() => { throw new Error('was accepted') }, (error: { code: string; message: string }) => error)

describe('the shop name', () => {
  it('is changed by a manager, audited, and shown by app:info (receipts, the top bar)', async () => {
    t = await startLiveTill({})
    const events: LiveEvent[] = []
    t.till.ctx.bus.subscribe((event) => events.push(event))
    const managerToken = await t.managerToken()
    expect((await t.call('app:info', {})).shopName).toBe('CourseTill')
    const info = await t.call('settings:setShopName', { managerToken, shopName: '  Northside Learning  ' })
    expect(info.shopName).toBe('Northside Learning')
    expect((await t.call('app:info', {})).shopName).toBe('Northside Learning')
    expect(events).toContainEqual({ type: 'live.changed' })
    const audit = t.till.ctx.db.prepare("SELECT actor, detail FROM audit_log WHERE action = 'settings.shop_name_changed'").all()
    expect(audit).toEqual([{ actor: 'manager', detail: JSON.stringify({ from: null, to: 'Northside Learning' }) }])
    // The same name again writes nothing.
    const before = snapshot(t.till.ctx.db)
    await t.call('settings:setShopName', { managerToken, shopName: 'Northside Learning' })
    expect(snapshot(t.till.ctx.db)).toBe(before)
  })

  it('refuses staff, a blank name and an overlong one, changing nothing', async () => {
    t = await startLiveTill({})
    const managerToken = await t.managerToken()
    const before = snapshot(t.till.ctx.db)
    expect((await refusal(t.call('settings:setShopName', { managerToken: 'a'.repeat(64), shopName: 'X' }))).code).toBe('manager_required')
    expect(await refusal(t.call('settings:setShopName', { managerToken, shopName: '   ' }))).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/shopName/) })
    expect((await refusal(t.call('settings:setShopName', { managerToken, shopName: 'x'.repeat(81) }))).code).toBe('invalid_input')
    expect(snapshot(t.till.ctx.db)).toBe(before)
  })
})

describe('the log', () => {
  it('records payment events with their outcome and state changes, and a manager can read its tail', async () => {
    t = await startLiveTill({})
    const sandbox = t.till.payments.sandbox!
    const sandboxSecretKey = sandboxKeys(t.till.ctx.db).secretKey
    const stripe = new Stripe(sandboxSecretKey, { host: '127.0.0.1', port: sandbox.port, protocol: 'http', maxNetworkRetries: 0 })
    const order = await t.call('orders:create', { accountId: 1, courseIds: [1] })
    const checkout = await t.call('payments:startCard', { orderId: order.id })
    await payAs(stripe, checkout.paymentIntentId, 'pm_card_visa')
    await sandbox.idle()
    await t.call('sync:run', {})
    const managerToken = await t.managerToken()
    const { file, lines } = await t.call('logs:tail', { managerToken, lines: 500 })
    expect(file).toBe(join(t.dataDir, 'logs', 'coursetill.log'))
    const entries = lines.map((line) => JSON.parse(line) as { at: string; event: string; [key: string]: unknown })
    expect(entries.every((entry) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(entry.at))).toBe(true)
    expect(entries).toContainEqual(expect.objectContaining({ event: 'till.started', mode: 'sandbox' }))
    expect(entries).toContainEqual(expect.objectContaining({ event: 'stripe.event', id: expect.stringMatching(/^evt_/), type: 'payment_intent.succeeded', outcome: expect.stringMatching(/^(applied|skipped)$/) }))
    expect(entries.filter((entry) => entry.event === 'stripe.event' && entry.outcome === 'applied').length).toBeGreaterThan(0)
    expect(entries).toContainEqual(expect.objectContaining({ event: 'order.status', orderId: order.id, status: 'successful' }))
    expect(entries).toContainEqual(expect.objectContaining({ event: 'payment.status', status: 'succeeded' }))
    expect(entries).toContainEqual(expect.objectContaining({ event: 'catchup.finished' }))
    expect(entries).toContainEqual(expect.objectContaining({ event: 'endpoint.registered' }))
    // The client secret the checkout used and the sandbox's key never reach the file.
    expect(lines.join('\n')).not.toContain(checkout.clientSecret)
    expect(lines.join('\n')).not.toContain(sandboxSecretKey)
    expect((await t.call('logs:tail', { managerToken, lines: 2 })).lines).toHaveLength(2)
    expect((await refusal(t.call('logs:tail', { managerToken: 'b'.repeat(64) }))).code).toBe('manager_required')
  })

  it('a wake runs catch-up once for signals arriving together', async () => {
    t = await startLiveTill({})
    await t.till.payments.catchUp.run()
    const finishedBefore = t.till.payments.catchUp.status().lastStartedAt
    const events: LiveEvent[] = []
    t.till.ctx.bus.subscribe((event) => events.push(event))
    t.till.wake('resume')
    t.till.wake('unlock-screen')
    await expect.poll(() => t!.till.payments.catchUp.status().state).toBe('idle')
    await expect.poll(() => events.filter((e) => e.type === 'sync.progress' && e.status.state === 'running').length).toBe(1)
    expect(t.till.payments.catchUp.status().lastStartedAt).not.toBe(finishedBefore)
    expect(t.till.log.tail(50).filter((line) => line.includes('"till.wake"'))).toHaveLength(1)
  })
})

describe('the browser host', () => {
  it('sends the CSP on every page, and answers a key save with the clear refusal', async () => {
    t = await startLiveTill({})
    const rendererDir = tempDir()
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>CourseTill</title>')
    const csp = contentSecurityPolicy({ realStripe: false })
    host = await startHostServer({ dispatch: t.till.dispatch, bus: t.till.ctx.bus, rendererDir, csp, port: 0 })
    for (const path of ['/', '/index.html']) {
      expect((await fetch(`${host.url}${path}`)).headers.get('content-security-policy')).toBe(csp)
    }
    // Express's own 404 page replaces it with an even stricter one.
    expect((await fetch(`${host.url}/missing.js`)).headers.get('content-security-policy')).toMatch(/^default-src 'none'/)
    const managerToken = await t.managerToken()
    const response = await fetch(`${host.url}/api/settings:saveKeys`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: `coursetill_${host.port}=${new URL(host.openUrl).searchParams.get('token')}` },
      body: JSON.stringify({ managerToken, secretKey: 'sk_test_abcdefgh1234', publishableKey: 'pk_test_abcdefgh1234' }),
    })
    expect(response.status).toBe(503)
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'unavailable', message: expect.stringMatching(/browser host has no encrypted store/) } })
  })
})
