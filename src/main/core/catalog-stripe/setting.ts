import type { Db } from '../store/db'
import { readSetting } from '../settings'

/** Publishing is a manager's choice (Settings): it creates products and prices in the shop's Stripe account. */
export const CATALOG_SETTING = 'catalog_in_stripe'
export const publishesCatalog = (db: Db) => readSetting(db, CATALOG_SETTING) === 'on'
