import { writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startCourseTill, type CourseTill } from '../../src/main/compose'
import { loadConfig } from '../../src/main/core/config'
import { contentSecurityPolicy } from '../../src/main/electron/csp'
import { startHostServer, type HostServer } from '../../src/main/host/server'
import { snapshot, tempDir } from '../helpers/temp-store'

let till: CourseTill
let host: HostServer

beforeEach(async () => {
  const dataDir = tempDir()
  const rendererDir = tempDir()
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>CourseTill</title>')
  till = await startCourseTill(loadConfig({ COURSETILL_DATA_DIR: dataDir, COURSETILL_WEBHOOK_PORT: '0' }, { userDataDir: dataDir }), { version: '0.0.0-test' })
  host = await startHostServer({
    dispatch: till.dispatch,
    bus: till.ctx.bus,
    rendererDir,
    csp: contentSecurityPolicy({ realStripe: false }),
    port: 0,
  })
})

afterEach(async () => {
  await host.close()
  await till.close()
})

/** The cookie a browser holds after opening the address the host printed. */
const sessionCookie = () => `coursetill_${host.port}=${new URL(host.openUrl).searchParams.get('token')}`

/** Raw HTTP, so tests can send the headers a browser would never let a page forge. */
function send(path: string, options: { method?: string; headers?: Record<string, string>; body?: string; withoutToken?: boolean } = {}) {
  const headers = options.withoutToken ? options.headers : { Cookie: sessionCookie(), ...options.headers }
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: host.port, path, method: options.method ?? 'GET', headers },
      (res) => {
        let body = ''
        res.on('data', (chunk) => (body += chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

const post = (channel: string, body: unknown, headers: Record<string, string> = {}) =>
  send(`/api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })

describe('browser host', () => {
  it('serves the renderer with a strict CSP and the API on loopback', async () => {
    const page = await send('/')
    expect(page.status).toBe(200)
    expect(page.body).toContain('<title>CourseTill</title>')
    expect(page.headers['content-security-policy']).toContain("script-src 'self'")
    expect(page.headers['x-content-type-options']).toBe('nosniff')
    const catalog = await post('catalog:list', {})
    expect(catalog.status).toBe(200)
    const courses = JSON.parse(catalog.body).value as Array<{ title: string; currency: string }>
    expect(courses).toHaveLength(12)
    expect(new Set(courses.map((c) => c.currency))).toEqual(new Set(['GBP', 'EUR', 'JPY', 'KWD']))
    expect(JSON.parse((await post('app:info', {})).body).value).toMatchObject({ mode: 'sandbox', shopName: 'CourseTill' })
  })

  it('runs a sale through the API and pushes live events over server-sent events', async () => {
    const events: unknown[] = []
    const stream = await new Promise<import('node:http').IncomingMessage>((resolve) => {
      request({ host: '127.0.0.1', port: host.port, path: '/api/events', headers: { Cookie: sessionCookie() } }, resolve).end()
    })
    stream.setEncoding('utf8')
    stream.on('data', (chunk: string) => {
      for (const line of chunk.split('\n')) {
        // Catch-up progress may interleave; this test follows the sale.
        if (line.startsWith('data: ') && !line.includes('"sync.progress"')) events.push(JSON.parse(line.slice(6)))
      }
    })
    const created = JSON.parse((await post('orders:create', { accountId: 1, courseIds: [1, 2] })).body)
    expect(created.ok).toBe(true)
    const paid = JSON.parse((await post('orders:recordCash', { orderId: created.value.id, tendered: 100000 })).body)
    expect(paid.value).toMatchObject({ status: 'successful', amountDue: 0 })
    await expect.poll(() => events.length).toBe(3)
    expect(events).toEqual([
      { type: 'order.changed', orderId: created.value.id, status: 'pending' },
      { type: 'payment.changed', orderId: created.value.id, paymentId: paid.value.payments[0].id, status: 'succeeded' },
      { type: 'order.changed', orderId: created.value.id, status: 'successful' },
    ])
    stream.destroy()
  })

  it.each([
    ['wrong types', 'orders:create', { accountId: '1', courseIds: 'all' }, 400, /Invalid input for orders:create: accountId/],
    ['a negative id', 'orders:get', { orderId: -4 }, 400, /orderId/],
    ['a fractional amount', 'orders:recordCash', { orderId: 1, tendered: 12.5 }, 400, /tendered/],
    ['unknown fields', 'orders:create', { accountId: 1, courseIds: [1], price: 1 }, 400, /price/],
    ['a bad email', 'customers:create', { email: 'nope', name: 'N' }, 400, /email/],
    ['an unknown channel', 'orders:delete', {}, 400, /Unknown API call "orders:delete"/],
    ['an unknown order', 'orders:get', { orderId: 999 }, 404, /Order 999 does not exist/],
    ['a mixed-currency cart', 'orders:create', { accountId: 1, courseIds: [1, 9] }, 400, /cannot mix currencies/],
  ])('refuses %s with a clear error and changes nothing', async (_what, channel, body, status, message) => {
    const before = snapshot(till.ctx.db)
    const response = await post(channel, body)
    expect(response.status).toBe(status)
    const envelope = JSON.parse(response.body)
    expect(envelope.ok).toBe(false)
    expect(envelope.error.message).toMatch(message)
    expect(snapshot(till.ctx.db)).toBe(before)
  })

  it('refuses malformed, oversized and non-JSON bodies', async () => {
    const before = snapshot(till.ctx.db)
    const malformed = await post('orders:create', '{"accountId": 1,')
    expect(malformed.status).toBe(400)
    expect(JSON.parse(malformed.body).error.message).toBe('Malformed JSON')
    const huge = await post('customers:create', { email: 'a@b.co', name: 'x'.repeat(200_000) })
    expect(huge.status).toBe(413)
    expect(JSON.parse(huge.body).error.message).toBe('Request body too large')
    const form = await send('/api/orders:create', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: '{}' })
    expect(form.status).toBe(415)
    expect((await send('/api/orders:create')).status).toBe(404)
    expect(snapshot(till.ctx.db)).toBe(before)
  })

  it('refuses foreign Host and Origin headers (DNS rebinding, cross-site pages)', async () => {
    const before = snapshot(till.ctx.db)
    expect((await send('/', { headers: { Host: 'evil.example' } })).status).toBe(421)
    expect((await post('customers:create', { email: 'x@y.zz', name: 'X' }, { Host: `attacker.test:${host.port}` })).status).toBe(421)
    expect((await post('customers:create', { email: 'x@y.zz', name: 'X' }, { Origin: 'https://evil.example' })).status).toBe(403)
    expect((await post('customers:create', { email: 'x@y.zz', name: 'X' }, { Origin: `http://localhost:${host.port}` })).status).toBe(200)
    expect(snapshot(till.ctx.db)).not.toBe(before)
  })

  it('answers 401 to the API, its event stream and exports without this launch\'s token, and changes nothing', async () => {
    const before = snapshot(till.ctx.db)
    const bare = await send('/api/customers:create', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: 'x@y.zz', name: 'X' }), withoutToken: true })
    expect(bare.status).toBe(401)
    expect(JSON.parse(bare.body)).toEqual({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/open the address CourseTill printed/) } })
    const wrongToken = `coursetill_${host.port}=${'0'.repeat(64)}`
    for (const cookie of [wrongToken, `coursetill_1=${new URL(host.openUrl).searchParams.get('token')}`, 'coursetill=1']) {
      expect((await post('customers:create', { email: 'x@y.zz', name: 'X' }, { Cookie: cookie })).status).toBe(401)
    }
    expect((await send('/api/events', { withoutToken: true })).status).toBe(401)
    expect((await send('/exports/0123456789abcdef01234567', { withoutToken: true })).status).toBe(401)
    expect((await send('/api/orders:list', { method: 'POST', withoutToken: true, headers: { 'Content-Type': 'application/json' }, body: '{}' })).status).toBe(401)
    expect(snapshot(till.ctx.db)).toBe(before)
    // The renderer itself is no secret: it loads, and its calls say how to get a session.
    expect((await send('/', { withoutToken: true })).status).toBe(200)
  })

  it('trades the printed address for a same-site HttpOnly cookie and drops the token from the address bar', async () => {
    const opened = await send(new URL(host.openUrl).pathname + new URL(host.openUrl).search, { withoutToken: true })
    expect(opened.status).toBe(303)
    expect(opened.headers.location).toBe('/')
    const cookies = opened.headers['set-cookie'] as string[]
    const token = cookies.find((c) => c.startsWith(`coursetill_${host.port}=`))!
    expect(token).toMatch(/; HttpOnly; SameSite=Strict$/)
    expect(cookies.find((c) => c.startsWith(`coursetill_seat_${host.port}=`))).toMatch(/^coursetill_seat_\d+=[a-f0-9]{32}; Path=\/; HttpOnly; SameSite=Strict$/)
    const cookie = token.split(';')[0]!
    expect((await post('app:info', {}, { Cookie: cookie })).status).toBe(200)
    // An address from an earlier start (or a guess) gets no cookie.
    const stale = await send(`/?token=${'a'.repeat(64)}`, { withoutToken: true })
    expect(stale.status).toBe(401)
    expect(stale.headers['set-cookie']).toBeUndefined()
  })

  it('keeps PIN guess limits per browser: one browser\'s wrong PINs do not lock out another', async () => {
    const seat = (id: string) => `${sessionCookie()}; coursetill_seat_${host.port}=${id.repeat(32)}`
    expect((await post('manager:setPin', { pin: '2580' })).status).toBe(200)
    for (let i = 0; i < 4; i++) expect(JSON.parse((await post('manager:unlock', { pin: '1111' }, { Cookie: seat('a') })).body).error.message).toBe('Wrong manager PIN')
    expect(JSON.parse((await post('manager:unlock', { pin: '2580' }, { Cookie: seat('a') })).body).error.message).toMatch(/Too many wrong PINs/)
    expect(JSON.parse((await post('manager:unlock', { pin: '2580' }, { Cookie: seat('b') })).body).ok).toBe(true)
  })
})
