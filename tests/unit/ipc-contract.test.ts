import { describe, expect, it } from 'vitest'
import { mergeChannelAreas } from '../../src/shared/contract/merge-areas'
import { salesChannels } from '../../src/shared/contract/sales'
import { CHANNEL_AREAS, CHANNEL_NAMES, channels, type Channel } from '../../src/shared/ipc-contract'

const areas = CHANNEL_AREAS

describe('the IPC contract', () => {
  it('holds every channel of every area, each under its own name: none was overwritten by another area', () => {
    const declared = Object.values(areas).flatMap((area) => Object.keys(area))
    expect(new Set(declared).size).toBe(declared.length)
    expect([...CHANNEL_NAMES].sort()).toEqual([...declared].sort())
    for (const area of Object.values(areas)) {
      for (const [name, spec] of Object.entries(area)) expect(channels[name as Channel]).toBe(spec)
    }
  })

  it('refuses a channel name declared in two areas, naming it, instead of letting the later one win', () => {
    const staff = { 'orders:refund': { manager: false } }
    const manager = { 'orders:refund': { manager: true }, 'manager:lock': { manager: true } }
    expect(() => mergeChannelAreas(staff, manager)).toThrow("IPC channel 'orders:refund' is declared twice in the contract")
    expect(() => mergeChannelAreas(salesChannels, { 'orders:get': salesChannels['orders:get'] })).toThrow(/'orders:get' is declared twice/)
  })

  it('keeps channel names a closed set of literal names', () => {
    // @ts-expect-error a name no area declares is not a Channel (the merge keeps literal keys, not `string`)
    const unknown: Channel = 'orders:nope'
    expect(CHANNEL_NAMES).not.toContain(unknown)
  })
})
