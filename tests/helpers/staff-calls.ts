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

/** A fresh till's people: the owner Olivia (PIN 1111) and a cashier Cass (PIN 3333), both signed in. */
export async function ownerAndCashier(till: TestTill) {
  const owner = await valueOf<{ token: string; person: { id: number } }>(dispatchAs(till, null, 'staff:setupOwner', { name: 'Olivia', pin: '1111' }))
  const cashierId = (await valueOf<{ id: number }>(dispatchAs(till, owner.token, 'staff:add', { name: 'Cass', role: 'cashier', pin: '3333', managerToken: owner.token }))).id
  const cashier = (await valueOf<{ token: string }>(dispatchAs(till, null, 'staff:signIn', { staffId: cashierId, pin: '3333' }))).token
  return { owner: owner.token, ownerId: owner.person.id, cashier, cashierId }
}

/** ownerAndCashier, with the cashier's shift open and no float (what a till's day starts with). */
export async function ownerAndCashierOnShift(till: TestTill) {
  const people = await ownerAndCashier(till)
  await valueOf(dispatchAs(till, people.cashier, 'shifts:open', { floats: [] }))
  return people
}
