import { z } from 'zod'
import { CARD_LIKE_MESSAGE, containsCardLikeNumber } from '../card-like'

export const id = z.int().positive().max(Number.MAX_SAFE_INTEGER)
export const minorUnits = z.int().positive().max(Number.MAX_SAFE_INTEGER)
export const searchText = z.string().trim().max(200)
/** Text the till stores (notes, reasons, names): never a card number (shared/card-like.ts). */
export const storedText = (max: number) => z.string().trim().max(max).refine((text) => !containsCardLikeNumber(text), CARD_LIKE_MESSAGE)
/** Proof of an unlocked manager session (see manager:unlock); checked by dispatch before the handler runs. */
export const managerToken = z.string().regex(/^[a-f0-9]{64}$/, 'a manager session token')

export interface ChannelSpec<Input extends z.ZodType, Result> {
  input: Input
  /** Results are ours, so they are typed, not parsed. */
  result: Result
  /** Only callers holding an unlocked manager session may use it. */
  manager: boolean
  /** Callable with no one signed in (the sign-in screen's own calls); every other channel needs a person once staff exist. */
  open?: boolean
  /** Of the managers, only an owner may use it (staff accounts). */
  owner?: boolean
}

/** Declares a channel staff may call. */
export function channel<Result>() {
  return <Input extends z.ZodType>(input: Input): ChannelSpec<Input, Result> => ({ input, result: undefined as unknown as Result, manager: false })
}

/** Declares a manager-only channel: its input must carry `managerToken`. */
export function managerChannel<Result>() {
  return <Shape extends z.ZodRawShape>(shape: Shape) => {
    const input = z.strictObject({ ...shape, managerToken })
    return { input, result: undefined as unknown as Result, manager: true } satisfies ChannelSpec<typeof input, Result>
  }
}

/** Declares a channel callable before anyone signs in (first-run setup, the sign-in screen, app info). */
export function openChannel<Result>() {
  return <Input extends z.ZodType>(input: Input): ChannelSpec<Input, Result> => ({ input, result: undefined as unknown as Result, manager: false, open: true })
}

/** Declares an owner-only channel: a managerChannel whose session must be an owner's. */
export function ownerChannel<Result>() {
  return <Shape extends z.ZodRawShape>(shape: Shape) => ({ ...managerChannel<Result>()(shape), owner: true as const })
}
