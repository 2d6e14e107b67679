import { z } from 'zod'
import { channel, ownerChannel } from './channel'
import type { ShopStatus } from './shop'

/** Where the shop database is, as Settings shows it: never the password. */
export interface ShopDatabaseTarget {
  host: string
  port: number
  database: string
  user: string | null
  passwordSet: boolean
}

export interface ShopDatabaseSettings {
  /** environment: COURSETILL_SHOP_DATABASE_URL, which wins over Settings; saved: entered in Settings; null: none. */
  source: 'environment' | 'saved' | null
  target: ShopDatabaseTarget | null
  /** Why Settings cannot save a URL here (the environment wins, or no encrypted store); null when it can. */
  cannotSave: string | null
  /** A saved URL that cannot be read (another machine, a reset keyring): enter it again. */
  problem: string | null
  status: ShopStatus
}

// Shop mode's database in Settings (issue 16): stored encrypted like the Stripe secret key, tested before saving.
export const shopSettingsChannels = {
  'settings:shopDatabase': channel<ShopDatabaseSettings>()(z.strictObject({})),
  /** Connects first; saves (encrypted) and starts shop mode only if the shop database answers. */
  'settings:saveShopDatabaseUrl': ownerChannel<ShopDatabaseSettings>()({ url: z.string().trim().min(1, 'Enter the shop database URL').max(2000) }),
  /** Stops shop mode at once and forgets the saved URL. */
  'settings:removeShopDatabaseUrl': ownerChannel<ShopDatabaseSettings>()({}),
}
