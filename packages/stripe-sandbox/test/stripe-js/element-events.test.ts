import { describe, expect, it, vi } from 'vitest'
import { createElementEvents } from '../../src/stripe-js/element-events'

describe('createElementEvents', () => {
  it('delivers to every handler of the type and stops after off()', () => {
    const events = createElementEvents()
    const first = vi.fn()
    const second = vi.fn()
    events.on('change', first)
    events.on('change', second)
    events.emit('change', { complete: true })
    events.off('change', first)
    events.emit('change', { complete: false })
    expect(first).toHaveBeenCalledTimes(1)
    expect(second.mock.calls).toEqual([[{ complete: true }], [{ complete: false }]])
  })

  it('runs once() handlers a single time and lets off() cancel them early', () => {
    const events = createElementEvents()
    const ready = vi.fn()
    const cancelled = vi.fn()
    events.once('ready', ready)
    events.once('ready', cancelled)
    events.off('ready', cancelled)
    events.emit('ready', null)
    events.emit('ready', null)
    expect(ready).toHaveBeenCalledTimes(1)
    expect(cancelled).not.toHaveBeenCalled()
  })

  it('off() without a handler removes every handler of that type', () => {
    const events = createElementEvents()
    const focus = vi.fn()
    events.on('focus', focus)
    events.off('focus')
    events.emit('focus', null)
    expect(focus).not.toHaveBeenCalled()
  })
})
