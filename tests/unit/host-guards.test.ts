import { describe, expect, it } from 'vitest'
import { httpStatusFor, isAllowedHost, isAllowedOrigin, isJsonContentType } from '../../src/main/host/guards'

describe('browser host request checks', () => {
  it('accepts only loopback Host headers with our port', () => {
    expect(isAllowedHost('127.0.0.1:4747', 4747)).toBe(true)
    expect(isAllowedHost('localhost:4747', 4747)).toBe(true)
    expect(isAllowedHost('LOCALHOST:4747', 4747)).toBe(true)
    expect(isAllowedHost('[::1]:4747', 4747)).toBe(true)
    expect(isAllowedHost('127.0.0.1:4748', 4747)).toBe(false)
    expect(isAllowedHost('evil.example:4747', 4747)).toBe(false)
    expect(isAllowedHost('127.0.0.1', 4747)).toBe(false)
    expect(isAllowedHost(undefined, 4747)).toBe(false)
  })
  it('accepts no Origin or our own origin only', () => {
    expect(isAllowedOrigin(undefined, 4747)).toBe(true)
    expect(isAllowedOrigin('http://127.0.0.1:4747', 4747)).toBe(true)
    expect(isAllowedOrigin('http://localhost:4747', 4747)).toBe(true)
    expect(isAllowedOrigin('https://127.0.0.1:4747', 4747)).toBe(false)
    expect(isAllowedOrigin('http://evil.example', 4747)).toBe(false)
    expect(isAllowedOrigin('null', 4747)).toBe(false)
    expect(isAllowedOrigin('http://127.0.0.1:4747.evil.example', 4747)).toBe(false)
  })
  it('wants JSON bodies', () => {
    expect(isJsonContentType('application/json')).toBe(true)
    expect(isJsonContentType('application/json; charset=utf-8')).toBe(true)
    expect(isJsonContentType('text/plain')).toBe(false)
    expect(isJsonContentType('application/x-www-form-urlencoded')).toBe(false)
    expect(isJsonContentType('application/jsonp')).toBe(false)
    expect(isJsonContentType(undefined)).toBe(false)
  })
  it('maps error codes to HTTP statuses', () => {
    expect(httpStatusFor('invalid_input')).toBe(400)
    expect(httpStatusFor('not_found')).toBe(404)
    expect(httpStatusFor('conflict')).toBe(409)
    expect(httpStatusFor('forbidden')).toBe(403)
    expect(httpStatusFor('manager_required')).toBe(403)
    expect(httpStatusFor('something_new')).toBe(500)
  })
})
