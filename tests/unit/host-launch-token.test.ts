import { describe, expect, it } from 'vitest'
import { isLaunchToken, needsLaunchToken, newLaunchToken, readCookie, seatOf, sessionCookie } from '../../src/main/host/launch-token'

describe('browser host launch token', () => {
  const token = newLaunchToken()

  it('accepts only this launch\'s token', () => {
    expect(token).toMatch(/^[a-f0-9]{64}$/)
    expect(newLaunchToken()).not.toBe(token)
    expect(isLaunchToken(token, token)).toBe(true)
    for (const presented of [undefined, '', token.toUpperCase(), token.slice(1), `${token}0`, '0'.repeat(64), newLaunchToken()]) {
      expect(isLaunchToken(presented, token)).toBe(false)
    }
  })

  it('reads one cookie by exact name', () => {
    expect(readCookie(`a=1; coursetill_4747=${token}; b=2`, 'coursetill_4747')).toBe(token)
    expect(readCookie('coursetill_47470=x', 'coursetill_4747')).toBeUndefined()
    expect(readCookie(undefined, 'coursetill_4747')).toBeUndefined()
    expect(readCookie('=x; coursetill_4747', 'coursetill_4747')).toBeUndefined()
  })

  it('sets a cookie no script can read and no other site can send', () => {
    expect(sessionCookie('coursetill_4747', token)).toBe(`coursetill_4747=${token}; Path=/; HttpOnly; SameSite=Strict`)
  })

  it('guards the API, its event stream and exports, not the renderer', () => {
    for (const path of ['/api', '/api/events', '/api/orders:create', '/exports/abc']) expect(needsLaunchToken(path)).toBe(true)
    for (const path of ['/', '/index.html', '/assets/index.js', '/apix']) expect(needsLaunchToken(path)).toBe(false)
  })

  it('names a seat only from a well-formed seat cookie', () => {
    expect(seatOf('ab'.repeat(16))).toBe(`browser:${'ab'.repeat(16)}`)
    for (const value of [undefined, '', 'x'.repeat(32), 'ab'.repeat(40)]) expect(seatOf(value)).toBe('browser:unknown')
  })
})
