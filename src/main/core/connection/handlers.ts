import type { liveChannels } from '@shared/contract/live'
import { MANAGER, type HandlerDeps, type HandlersFor } from '../api/handler-types'
import { setShopLocale } from '../shop-locale'
import { setShopName } from '../shop-name'

const DEFAULT_LOG_LINES = 200

/** Settings: keys, the tunnel, the shop's name and the log. */
export function settingsHandlers({ ctx, info, log, connection }: Pick<HandlerDeps, 'ctx' | 'info' | 'log' | 'connection'>): HandlersFor<typeof liveChannels> {
  return {
    'settings:status': () => connection.status(),
    'settings:saveKeys': ({ managerToken: _token, ...keys }) => connection.saveKeys(keys, MANAGER),
    'settings:forgetKeys': () => connection.forgetKeys(MANAGER),
    'settings:saveNgrokToken': (input) => connection.saveNgrokToken(input.authtoken, MANAGER),
    'settings:setShopName': (input) => {
      setShopName(ctx, input.shopName, MANAGER)
      log.info('settings.shop_name_changed', { shopName: input.shopName })
      return info()
    },
    'settings:setShopLocale': ({ managerToken: _token, ...input }) => {
      setShopLocale(ctx, input, MANAGER)
      return info()
    },
    'logs:tail': (input) => ({ file: log.file ?? '', lines: log.tail(input.lines ?? DEFAULT_LOG_LINES) }),
  }
}
