import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { builderTarget, electronZipName, electronZipUrl, isDownloadFailure } from '../../scripts/package'

describe('npm run package helpers', () => {
  it('builds for the platform it runs on', () => {
    expect(builderTarget('linux')).toBe('--linux')
    expect(builderTarget('win32')).toBe('--win')
    expect(builderTarget('darwin')).toBe('--mac')
    expect(builderTarget('aix')).toBeNull()
  })

  it('probes the zip electron-builder would download, honouring ELECTRON_MIRROR', () => {
    expect(electronZipName('45.4.1', 'linux', 'x64')).toBe('electron-v45.4.1-linux-x64.zip')
    expect(electronZipUrl('45.4.1', 'darwin', 'arm64', {})).toBe('https://github.com/electron/electron/releases/download/v45.4.1/electron-v45.4.1-darwin-arm64.zip')
    expect(electronZipUrl('45.4.1', 'win32', 'x64', { ELECTRON_MIRROR: 'https://npmmirror.com/mirrors/electron' })).toBe('https://npmmirror.com/mirrors/electron/v45.4.1/electron-v45.4.1-win32-x64.zip')
  })

  it('recognises a download failure in electron-builder output, and not an ordinary build error', () => {
    expect(isDownloadFailure('Error: getaddrinfo ENOTFOUND github.com')).toBe(true)
    expect(isDownloadFailure('⨯ cannot download electron-v45.4.1-linux-x64.zip')).toBe(true)
    expect(isDownloadFailure('RequestError: connect ETIMEDOUT 140.82.121.3:443')).toBe(true)
    expect(isDownloadFailure('⨯ Cannot find module out/main/index.js')).toBe(false)
  })
})

describe('electron-builder.yml', () => {
  const config = readFileSync('electron-builder.yml', 'utf8')
  it('packs the built app, unpacks native modules, rebuilds them for Electron and sets the fuses', () => {
    expect(config).toMatch(/files:\n {2}- out\/\*\*\n {2}- resources\/\*\*/)
    expect(config).toMatch(/asarUnpack:\n {2}- "\*\*\/\*\.node"/)
    expect(config).toContain('npmRebuild: true')
    for (const fuse of ['runAsNode: false', 'enableCookieEncryption: true', 'enableNodeOptionsEnvironmentVariable: false', 'enableNodeCliInspectArguments: false', 'onlyLoadAppFromAsar: true', 'grantFileProtocolExtraPrivileges: false']) {
      expect(config).toContain(fuse)
    }
    for (const target of ['AppImage', 'deb', 'nsis', 'dmg']) expect(config).toContain(`- ${target}`)
  })
})
