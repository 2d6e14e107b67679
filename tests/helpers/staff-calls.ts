import type { Channel, ChannelInput } from '../../src/shared/ipc-contract'
import type { TestTill } from './test-till'

/** One call as a window makes it, signed in as `token` (or no one): the envelope, not thrown. */
export function dispatchAs<C extends Channel>(till: TestTill, token: string | null, channel: C, input: ChannelInput<C>) {
  return till.till.dispatch(channel, token === null ? input : { ...input, staffToken: token })
}

/** The value of an envelope, or its error thrown with the message staff would see. */
export async function valueOf<T>(envelope: Promise<{ ok: boolean; value?: unknown; error?: { message: string } }>): Promise<T> {
  const result = await envelope
  if (!result.ok) throw new Error(result.error!.message)
  return result.value as T
}

/** A payload as a window signed in as `token` sends it, unless it already names someone (or no one is signed in). */
export function asSignedIn<T>(payload: T, token: string | null): T {
  return token !== null && typeof payload === 'object' && payload !== null && !('staffToken' in payload) ? { ...payload, staffToken: token } : payload
}
