import { describe, expect, it } from 'vitest'
import { describeLiveStatus, NO_TUNNEL_NOTE, SANDBOX_TUNNEL_NOTE, type StatusInputs } from '../../src/main/core/connection/status'

const base: StatusInputs = {
  keys: { mode: 'live', source: 'saved', secretKey: 'sk_live_51HxYabcdefgh4242', publishableKey: 'pk_live_51HxYabc', problem: null },
  secretStore: { available: true, unavailableReason: null },
  ngrok: { token: null, source: null, problem: null },
  domain: null,
  tunnel: null,
  endpoint: { state: 'off', endpointId: null, url: null, lastError: null, note: null, updatedAt: null },
  externalWebhookSecret: false,
}

describe('describeLiveStatus', () => {
  it('shows live keys masked, never the secret', () => {
    const status = describeLiveStatus(base)
    expect(status.keys).toEqual({ mode: 'live', source: 'saved', publishableKey: 'pk_live_51HxYabc', secretKeyHint: 'sk_live_…4242', cannotSave: null, problem: null })
    expect(JSON.stringify(status)).not.toContain('abcdefgh')
  })

  it('without an authtoken says webhooks will not arrive and what the till relies on instead', () => {
    const status = describeLiveStatus(base)
    expect(status.webhooksArrive).toBe(false)
    expect(status.tunnel).toMatchObject({ state: 'stopped', configured: false, note: NO_TUNNEL_NOTE })
    expect(NO_TUNNEL_NOTE).toMatch(/will not arrive.*direct.*catch-up/s)
  })

  it('counts webhooks as arriving only when the tunnel is online and the endpoint registered', () => {
    const online = { state: 'online' as const, url: 'https://a.ngrok.app', lastError: null, attempts: 0, nextRetryAt: null }
    const ngrok = { token: 'tok', source: 'saved' as const, problem: null }
    const registered = { ...base.endpoint, state: 'registered' as const, endpointId: 'we_1' }
    expect(describeLiveStatus({ ...base, ngrok, tunnel: online, endpoint: registered }).webhooksArrive).toBe(true)
    expect(describeLiveStatus({ ...base, ngrok, tunnel: { ...online, state: 'error', url: null }, endpoint: registered }).webhooksArrive).toBe(false)
    expect(describeLiveStatus({ ...base, ngrok, tunnel: online, endpoint: { ...registered, state: 'error' } }).webhooksArrive).toBe(false)
  })

  it('explains why nothing can be saved: environment keys, or no secret store', () => {
    const env = describeLiveStatus({ ...base, keys: { ...base.keys, source: 'environment' }, ngrok: { token: 't', source: 'environment', problem: null } })
    expect(env.keys.cannotSave).toMatch(/environment/)
    expect(env.tunnel.cannotSave).toMatch(/NGROK_AUTHTOKEN/)
    const noStore = describeLiveStatus({ ...base, secretStore: { available: false, unavailableReason: 'no store here' } })
    expect(noStore.keys.cannotSave).toBe('no store here')
    expect(noStore.tunnel.cannotSave).toBe('no store here')
  })

  it('in sandbox mode shows no keys and says the tunnel is not needed', () => {
    const status = describeLiveStatus({ ...base, keys: { mode: 'sandbox', source: 'sandbox', secretKey: null, publishableKey: null, problem: null }, endpoint: { ...base.endpoint, state: 'registered' } })
    expect(status.keys).toMatchObject({ publishableKey: null, secretKeyHint: null })
    expect(status.tunnel.note).toBe(SANDBOX_TUNNEL_NOTE)
    expect(status.webhooksArrive).toBe(true)
  })
})
