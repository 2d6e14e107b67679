import type { shopSettingsChannels } from '@shared/contract/shop-settings'
import { AppError } from '@shared/errors'
import { MANAGER, type HandlerDeps, type HandlersFor } from '../api/handler-types'

/** Settings → Shop database: the URL, masked; saving and removing it switch shop mode without a restart. */
export function shopSettingsHandlers({ shopSwitch }: Pick<HandlerDeps, 'shopSwitch'>): HandlersFor<typeof shopSettingsChannels> {
  const holder = () => {
    if (!shopSwitch) throw new AppError('unavailable', 'Shop mode cannot be configured in this till')
    return shopSwitch
  }
  return {
    'settings:shopDatabase': () => holder().settings(),
    'settings:saveShopDatabaseUrl': (input) => holder().save(input.url, MANAGER),
    'settings:removeShopDatabaseUrl': () => holder().remove(MANAGER),
  }
}
