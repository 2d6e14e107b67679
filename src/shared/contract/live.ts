// Going live: settings, Stripe keys, the tunnel, the webhook endpoint and logs (owned by the live area).
import { z } from 'zod'
import type { AppInfo } from '../domain'
import type { LiveStatus, LogTail } from '../live'
import { channel, managerChannel, storedText } from './channel'

// Shapes only: the key formats are checked by the handler, so a wrong key gets an inline message on its field.
const keyText = z.string().trim().min(1, 'required').max(300)

export const liveChannels = {
  'settings:status': channel<LiveStatus>()(z.strictObject({})),
  'settings:saveKeys': managerChannel<LiveStatus>()({ publishableKey: keyText, secretKey: keyText }),
  /** Back to the sandbox: the saved keys are deleted. */
  'settings:forgetKeys': managerChannel<LiveStatus>()({}),
  /** Null removes the saved token. */
  'settings:saveNgrokToken': managerChannel<LiveStatus>()({ authtoken: z.string().trim().min(1).max(200).nullable() }),
  'settings:setShopName': managerChannel<AppInfo>()({ shopName: storedText(80).pipe(z.string().min(1, 'required')) }),
  /** The shop's time zone and locale, used by every screen, report and date filter. Checked by the handler. */
  'settings:setShopLocale': managerChannel<AppInfo>()({ timeZone: z.string().trim().min(1).max(64), locale: z.string().trim().min(2).max(35) }),
  'logs:tail': managerChannel<LogTail>()({ lines: z.int().min(1).max(2000).optional() }),
} as const
