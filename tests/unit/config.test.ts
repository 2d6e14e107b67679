import { describe, expect, it } from 'vitest'
import { ConfigError, DEFAULT_PORT, DEFAULT_WEBHOOK_PORT, defaultUserDataDir, loadConfig } from '../../src/main/core/config'

const defaults = { userDataDir: '/home/till/.config/CourseTill' }

describe('loadConfig', () => {
  it('runs in sandbox mode with defaults when nothing is set', () => {
    const config = loadConfig({}, defaults)
    expect(config).toMatchObject({ dataDir: defaults.userDataDir, port: DEFAULT_PORT, webhookPort: DEFAULT_WEBHOOK_PORT, mode: 'sandbox' })
    expect(config.stripe).toEqual({ secretKey: null, publishableKey: null, webhookSecret: null, apiUrl: null })
    expect(config.ngrokAuthtoken).toBeNull()
  })

  it('reads every variable', () => {
    const config = loadConfig(
      {
        COURSETILL_DATA_DIR: '/srv/till',
        COURSETILL_PORT: '5000',
        COURSETILL_WEBHOOK_PORT: '5001',
        STRIPE_SECRET_KEY: 'sk_test_abc123',
        STRIPE_PUBLISHABLE_KEY: 'pk_test_abc123',
        STRIPE_WEBHOOK_SECRET: 'whsec_abc123',
        STRIPE_API_URL: 'http://127.0.0.1:12111',
        NGROK_AUTHTOKEN: '2abcDEF_ghijk-123',
      },
      defaults,
    )
    expect(config).toMatchObject({ dataDir: '/srv/till', port: 5000, webhookPort: 5001, mode: 'test', ngrokAuthtoken: '2abcDEF_ghijk-123' })
    expect(config.stripe.apiUrl?.href).toBe('http://127.0.0.1:12111/')
  })

  it('tells live keys from test keys', () => {
    expect(loadConfig({ STRIPE_SECRET_KEY: 'sk_live_x1', STRIPE_PUBLISHABLE_KEY: 'pk_live_x1' }, defaults).mode).toBe('live')
  })

  it.each([
    [{ COURSETILL_PORT: 'eighty' }, /COURSETILL_PORT must be a port number/],
    [{ COURSETILL_PORT: '70000' }, /COURSETILL_PORT must be a port number/],
    [{ COURSETILL_WEBHOOK_PORT: '-1' }, /COURSETILL_WEBHOOK_PORT must be a port number/],
    [{ COURSETILL_PORT: '5000', COURSETILL_WEBHOOK_PORT: '5000' }, /must differ/],
    [{ COURSETILL_DATA_DIR: '   ' }, /COURSETILL_DATA_DIR is set but empty/],
    [{ STRIPE_SECRET_KEY: 'pk_test_oops', STRIPE_PUBLISHABLE_KEY: 'pk_test_x' }, /STRIPE_SECRET_KEY must be/],
    [{ STRIPE_SECRET_KEY: 'sk_test_x' }, /without STRIPE_PUBLISHABLE_KEY/],
    [{ STRIPE_PUBLISHABLE_KEY: 'pk_test_x' }, /without STRIPE_SECRET_KEY/],
    [{ STRIPE_SECRET_KEY: 'sk_live_x', STRIPE_PUBLISHABLE_KEY: 'pk_test_x' }, /live key but .* test key/],
    [{ STRIPE_WEBHOOK_SECRET: 'secret' }, /STRIPE_WEBHOOK_SECRET must be a secret starting whsec_/],
    [{ STRIPE_API_URL: 'not a url' }, /STRIPE_API_URL must be a URL/],
    [{ STRIPE_API_URL: 'ftp://127.0.0.1' }, /http or https/],
    [{ NGROK_AUTHTOKEN: 'has spaces in it' }, /NGROK_AUTHTOKEN must be/],
  ])('refuses %o with one clear line', (env, message) => {
    let error: unknown
    try {
      loadConfig(env, defaults)
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(ConfigError)
    expect((error as Error).message).toMatch(message)
    expect((error as Error).message).not.toContain('\n')
  })
})

describe('defaultUserDataDir', () => {
  it('matches where Electron keeps userData', () => {
    expect(defaultUserDataDir('linux', {}, '/home/a')).toBe('/home/a/.config/CourseTill')
    expect(defaultUserDataDir('linux', { XDG_CONFIG_HOME: '/xdg' }, '/home/a')).toBe('/xdg/CourseTill')
    expect(defaultUserDataDir('darwin', {}, '/Users/a')).toBe('/Users/a/Library/Application Support/CourseTill')
    expect(defaultUserDataDir('win32', { APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'C:\\Users\\a')).toContain('CourseTill')
  })
})
