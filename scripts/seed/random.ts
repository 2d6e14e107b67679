// A small deterministic PRNG (sfc32), so `--seed 7` builds the same store on every machine and Node version.
// Math.random() cannot be seeded; a benchmark that changes its data between runs measures nothing.

export interface Random {
  /** Uniform in [0, 1). */
  next(): number
  /** Uniform over the 32-bit unsigned integers. */
  uint32(): number
  /** Uniform integer in [min, max], both ends included. */
  int(min: number, max: number): number
  chance(probability: number): boolean
  pick<T>(items: readonly T[]): T
}

export function createRandom(seed: number): Random {
  // splitmix32 spreads small neighbouring seeds (1, 2, 3…) over the four state words, so their streams differ at once.
  let spread = seed >>> 0
  const splitmix = (): number => {
    spread = (spread + 0x9e3779b9) | 0
    let z = spread
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
    return (z ^ (z >>> 16)) | 0
  }
  let a = splitmix()
  let b = splitmix()
  let c = splitmix()
  let d = splitmix()

  const uint32 = (): number => {
    const t = (((a + b) | 0) + d) | 0
    d = (d + 1) | 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) | 0
    c = (c << 21) | (c >>> 11)
    c = (c + t) | 0
    return t >>> 0
  }
  // sfc32's first outputs still echo the seed; the reference implementation discards a dozen.
  for (let i = 0; i < 12; i++) uint32()

  const next = (): number => uint32() / 4294967296
  return {
    next,
    uint32,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (probability) => next() < probability,
    pick: (items) => {
      if (items.length === 0) throw new Error('cannot pick from an empty list')
      return items[Math.floor(next() * items.length)]
    },
  }
}

/** Picks among fixed choices in proportion to their weights; the running totals are computed once, not per draw. */
export function weightedPicker<T>(choices: ReadonlyArray<readonly [T, number]>): (rng: Random) => T {
  if (choices.length === 0) throw new Error('a weighted picker needs at least one choice')
  const values = choices.map(([value]) => value)
  const totals: number[] = []
  let total = 0
  for (const [, weight] of choices) {
    if (!(weight >= 0)) throw new Error(`weights must be non-negative, got ${weight}`)
    total += weight
    totals.push(total)
  }
  if (total <= 0) throw new Error('at least one weight must be positive')
  return (rng) => {
    const target = rng.next() * total
    let low = 0
    let high = totals.length - 1
    while (low < high) {
      const middle = (low + high) >> 1
      if (totals[middle] > target) high = middle
      else low = middle + 1
    }
    return values[low]
  }
}
