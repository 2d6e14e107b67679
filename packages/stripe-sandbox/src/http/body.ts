import type { IncomingMessage } from 'node:http'
import { BodyTooLargeError, readRawBody } from './raw-body'

export const MAX_BODY_BYTES = 1024 * 1024
export { BodyTooLargeError }

/** Reads the whole body as UTF-8, refusing (without buffering further) once it passes `limit` bytes. */
export async function readBody(request: IncomingMessage, limit = MAX_BODY_BYTES): Promise<string> {
  return (await readRawBody(request, limit)).toString('utf8')
}
