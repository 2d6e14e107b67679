import { PassThrough } from 'node:stream'
import type { IncomingMessage } from 'node:http'
import { describe, expect, it } from 'vitest'
import { BodyTooLargeError, readRawBody } from '../../src/main/core/http/raw-body'

function fakeRequest(chunks: string[], contentLength?: number): IncomingMessage {
  const stream = new PassThrough() as unknown as IncomingMessage & PassThrough
  stream.headers = contentLength === undefined ? {} : { 'content-length': String(contentLength) }
  queueMicrotask(() => {
    for (const chunk of chunks) stream.write(chunk)
    stream.end()
  })
  return stream
}

describe('readRawBody', () => {
  it('returns the exact bytes', async () => {
    expect((await readRawBody(fakeRequest(['{"a":', ' 1}']), 100)).toString()).toBe('{"a": 1}')
  })
  it('refuses a declared length over the limit before reading', async () => {
    await expect(readRawBody(fakeRequest(['x'], 101), 100)).rejects.toBeInstanceOf(BodyTooLargeError)
  })
  it('refuses an undeclared body as soon as it passes the limit', async () => {
    await expect(readRawBody(fakeRequest(['x'.repeat(60), 'y'.repeat(60)]), 100)).rejects.toThrow(/exceeds 100 bytes/)
  })
})
