import type { shiftChannels } from '@shared/contract/shifts'
import { AppError } from '@shared/errors'
import type { StaffPerson } from '@shared/staff'
import type { HandlerDeps, HandlersFor } from '../api/handler-types'
import { readShiftReport } from './report'
import { openDrawerNoSale } from './no-sale'
import { closeShift, moveCash, openShift, shiftState } from './shift'

/** A shift names who opened it, moved cash and closed it: each needs a person signed in, never the anonymous till. */
function someone(person: StaffPerson | null | undefined): StaffPerson {
  if (!person) throw new AppError('signin_required', 'Sign in first: a shift records who opened, moved and counted the cash')
  return person
}

export function shiftHandlers({ ctx }: Pick<HandlerDeps, 'ctx'>): HandlersFor<typeof shiftChannels> {
  return {
    'shifts:state': () => shiftState(ctx),
    'shifts:open': (input, caller) => openShift(ctx, someone(caller?.person), input.floats),
    'shifts:move': (input, caller) => moveCash(ctx, someone(caller?.person), input),
    'shifts:report': (input) => readShiftReport(ctx.db, input.shiftId, ctx.now()),
    'shifts:noSale': ({ reason }, caller) => openDrawerNoSale(ctx, someone(caller?.person), caller?.approver ?? null, reason),
    'shifts:close': ({ counts }, caller) => closeShift(ctx, someone(caller?.person), counts),
  }
}
