import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createRotatingFile, LOG_FILE_NAME } from '../../src/main/core/logging/log-file'
import { createLogger } from '../../src/main/core/logging/logger'
import { tempDir } from '../helpers/temp-store'

describe('the rotating log file', () => {
  it('rotates by size and keeps only N old files, newest first', () => {
    const dir = tempDir()
    const file = createRotatingFile({ dir, maxBytes: 100, keep: 2 })
    // Each line is 10 bytes with its newline: ten fit in one file.
    for (let i = 0; i < 35; i++) file.append(`line-${String(i).padStart(4, '0')}`)
    const path = join(dir, LOG_FILE_NAME)
    expect(readFileSync(path, 'utf8').trim().split('\n')).toEqual(['line-0030', 'line-0031', 'line-0032', 'line-0033', 'line-0034'])
    expect(readFileSync(`${path}.1`, 'utf8').trim().split('\n')[0]).toBe('line-0020')
    expect(readFileSync(`${path}.2`, 'utf8').trim().split('\n')[0]).toBe('line-0010')
    // The oldest lines (0–9) were in .3, which keep = 2 drops.
    expect(existsSync(`${path}.3`)).toBe(false)
    expect(statSync(path).size).toBeLessThanOrEqual(100)
  })

  it('tails across the current and the previous file, oldest first', () => {
    const file = createRotatingFile({ dir: tempDir(), maxBytes: 100, keep: 3 })
    for (let i = 0; i < 25; i++) file.append(`line-${String(i).padStart(4, '0')}`)
    expect(file.tail(3)).toEqual(['line-0022', 'line-0023', 'line-0024'])
    expect(file.tail(7)).toEqual(['line-0018', 'line-0019', 'line-0020', 'line-0021', 'line-0022', 'line-0023', 'line-0024'])
    expect(file.tail(1000)).toHaveLength(25)
  })

  it('continues an existing file after a restart and keeps one entry per line', () => {
    const dir = tempDir()
    createRotatingFile({ dir }).append('first')
    const again = createRotatingFile({ dir })
    again.append('second\nwith a newline')
    expect(again.tail(10)).toEqual(['first', 'second with a newline'])
  })
})

describe('the logger', () => {
  it('writes JSON lines with ISO timestamps, redacted, including known secrets', () => {
    const file = createRotatingFile({ dir: tempDir() })
    const log = createLogger({ file, now: () => Date.UTC(2026, 0, 2, 3, 4, 5), secrets: () => ['my-odd-token-value'], echoErrors: false })
    log.info('stripe.event', { id: 'evt_1', type: 'payment_intent.succeeded', outcome: 'applied' })
    log.error('tunnel.error', { error: new Error('auth failed for my-odd-token-value with sk_live_abcdefgh1234') })
    log.warn('checkout', { card: '4242 4242 4242 4242', clientSecret: 'pi_1_secret_2' })
    const [first, second, third] = log.tail(3).map((line) => JSON.parse(line) as Record<string, unknown>)
    expect(first).toEqual({ at: '2026-01-02T03:04:05.000Z', level: 'info', event: 'stripe.event', id: 'evt_1', type: 'payment_intent.succeeded', outcome: 'applied' })
    expect(second).toMatchObject({ level: 'error', error: { name: 'Error', message: 'auth failed for [redacted] with sk_live_[redacted]' } })
    expect(third).toMatchObject({ card: '[card …4242]', clientSecret: 'pi_1_secret_[redacted]' })
    const raw = readFileSync(file.path, 'utf8')
    expect(raw).not.toContain('my-odd-token-value')
    expect(raw).not.toContain('abcdefgh1234')
    expect(raw).not.toContain('4242 4242 4242 4242')
  })

  it('never throws when the disk fails', () => {
    const broken = { path: '/nonexistent', append: () => { throw new Error('ENOSPC') }, tail: () => [], close: () => undefined }
    const log = createLogger({ file: broken, echoErrors: false })
    const errors: unknown[] = []
    const original = console.error
    console.error = (...args: unknown[]) => void errors.push(args)
    try {
      expect(() => log.info('x')).not.toThrow()
      expect(() => log.info('y')).not.toThrow()
    } finally {
      console.error = original
    }
    // Said once, not on every line.
    expect(errors).toHaveLength(1)
  })
})
