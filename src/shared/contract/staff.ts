import { z } from 'zod'
import { STAFF_ROLES, type StaffPerson, type StaffSession, type StaffStatus } from '../staff'
import { channel, id, managerChannel, openChannel, ownerChannel, storedText } from './channel'

const pin = z.string().regex(/^\d{4,8}$/, 'a PIN of 4 to 8 digits')
const name = storedText(80).pipe(z.string().min(1, 'required'))

/** People at the till: first-run owner, sign-in and quick switch, manager approval on the spot, staff admin. */
export const staffChannels = {
  'staff:status': openChannel<StaffStatus>()(z.strictObject({})),
  'staff:setupOwner': openChannel<StaffSession>()(z.strictObject({ name, pin })),
  'staff:signIn': openChannel<StaffSession>()(z.strictObject({ staffId: id, pin })),
  /** A manager's PIN typed for someone else's action: a short session whose token is then sent as managerToken. */
  'staff:approve': openChannel<StaffSession>()(z.strictObject({ staffId: id, pin })),
  'staff:signOut': openChannel<StaffStatus>()(z.strictObject({ token: z.string().regex(/^[a-f0-9]{64}$/) })),
  'staff:changePin': channel<StaffPerson>()(z.strictObject({ currentPin: pin, pin })),
  'staff:list': managerChannel<StaffPerson[]>()({}),
  'staff:add': ownerChannel<StaffPerson>()({ name, role: z.enum(STAFF_ROLES), pin }),
  'staff:update': ownerChannel<StaffPerson[]>()({ staffId: id, role: z.enum(STAFF_ROLES).optional(), active: z.boolean().optional() }),
  'staff:resetPin': ownerChannel<StaffPerson>()({ staffId: id, pin }),
} as const
