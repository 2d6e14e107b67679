import { describe, expect, it } from 'vitest'
import { parseCliArgs } from '../../src/cli-args'

describe('parseCliArgs', () => {
  it('defaults to a free port and an in-memory database', () => {
    expect(parseCliArgs([])).toEqual({
      port: 0,
      dataFile: ':memory:',
      allowedOrigins: [],
      delivery: { ordered: false },
      account: {},
      faults: {},
      help: false,
    })
  })

  it('reads every option, spaced or with =', () => {
    expect(
      parseCliArgs([
        '--port',
        '4242',
        '--data=/tmp/s.db',
        '--webhook-url',
        'http://127.0.0.1:3000/hook',
        '--webhook-secret',
        'whsec_abc',
        '--public-url',
        'http://x',
        '--secret-key',
        'sk_test_mine',
        '--publishable-key=pk_test_mine',
        '--allow-origin',
        'http://localhost:5173, app://till',
      ]),
    ).toEqual({
      port: 4242,
      dataFile: '/tmp/s.db',
      webhookUrl: 'http://127.0.0.1:3000/hook',
      webhookSecret: 'whsec_abc',
      publicUrl: 'http://x',
      secretKey: 'sk_test_mine',
      publishableKey: 'pk_test_mine',
      allowedOrigins: ['http://localhost:5173', 'app://till'],
      delivery: { ordered: false },
      account: {},
      faults: {},
      help: false,
    })
  })

  it('reads delivery order and faults', () => {
    const parsed = parseCliArgs(['--seed', '42', '--ordered', '--copies', '3', '--shuffle', '--delay-ms=250', '--drop', '0.25'])
    expect(parsed.delivery).toEqual({ ordered: true, seed: 42 })
    expect(parsed.faults).toEqual({ copies: 3, shuffle: true, delayMs: 250, drop: 0.25 })
    expect(() => parseCliArgs(['--copies', '0'])).toThrow(/--copies/)
    expect(() => parseCliArgs(['--drop', '1.5'])).toThrow(/--drop/)
    expect(() => parseCliArgs(['--seed', 'x'])).toThrow(/--seed/)
  })

  it('reads the account settings: raw card data and the customer search lag', () => {
    expect(parseCliArgs(['--raw-card-data', '--search-lag', '60']).account).toEqual({ rawCardData: true, customerSearchLagSeconds: 60 })
    expect(() => parseCliArgs(['--search-lag', '-1'])).toThrow(/--search-lag/)
  })

  it('refuses unknown flags, missing values and bad ports or secrets', () => {
    expect(() => parseCliArgs(['--prot', '1'])).toThrow(/Unknown option/)
    expect(() => parseCliArgs(['--port'])).toThrow(/needs a value/)
    expect(() => parseCliArgs(['--port', '70000'])).toThrow(/--port/)
    expect(() => parseCliArgs(['--webhook-url', 'http://x', '--webhook-secret', 'nope'])).toThrow(/whsec_/)
    expect(() => parseCliArgs(['--webhook-secret', 'whsec_1'])).toThrow(/needs --webhook-url/)
    expect(() => parseCliArgs(['--secret-key', 'sk_live_1'])).toThrow(/test key/)
    expect(() => parseCliArgs(['--publishable-key', 'pk_test_1'])).toThrow(/needs --secret-key/)
    expect(() => parseCliArgs(['--allow-origin', 'http://x/path'])).toThrow(/not an origin/)
  })
})
