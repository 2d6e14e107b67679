/** One object with every area's channels; the intersection is flattened so editors show plain keys. */
type Merged<Areas extends readonly object[]> = Areas extends readonly [infer First, ...infer Rest extends readonly object[]]
  ? First & Merged<Rest>
  : unknown

/**
 * Merges the per-area channel objects into the contract. A spread would let a second area's channel silently
 * replace the first's under the same name (and its handler, and its manager flag); this throws instead, when
 * the contract module loads, so the app does not start with a duplicate and every test that imports it fails.
 */
export function mergeChannelAreas<const Areas extends readonly object[]>(...areas: Areas): { [K in keyof Merged<Areas>]: Merged<Areas>[K] } {
  const merged: Record<string, unknown> = {}
  for (const area of areas) {
    for (const [name, spec] of Object.entries(area)) {
      if (Object.hasOwn(merged, name)) throw new Error(`IPC channel '${name}' is declared twice in the contract; channel names must be unique`)
      merged[name] = spec
    }
  }
  return merged as { [K in keyof Merged<Areas>]: Merged<Areas>[K] }
}
