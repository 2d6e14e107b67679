import { readFileSync } from 'node:fs'
import type { Configuration } from 'electron-builder'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
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

// Parsed as electron-builder reads it (YAML, typed by electron-builder's own Configuration), so an indentation slip
// that moves a key, or a target under the wrong platform, fails here rather than in a packaging run.
describe('electron-builder.yml', () => {
  const config = parse(readFileSync('electron-builder.yml', 'utf8')) as Configuration
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { main: string; dependencies: Record<string, string> }

  it('packs the built app (package.json main included) and its resources, without source maps or the test harness', () => {
    expect(config.files).toEqual(['out/**', 'resources/**', '!**/*.map', '!out/elements-harness/**'])
    expect(pkg.main.startsWith('./out/') || pkg.main.startsWith('out/')).toBe(true)
    expect(config.directories).toMatchObject({ output: 'dist', buildResources: 'build' })
  })

  it('keeps native modules outside the asar archive and rebuilds them for Electron', () => {
    expect(Object.keys(pkg.dependencies)).toEqual(expect.arrayContaining(['better-sqlite3', '@ngrok/ngrok']))
    expect(config.asar).toBe(true)
    expect(config.asarUnpack).toEqual(['**/*.node'])
    expect(config.npmRebuild).toBe(true)
  })

  it('flips the fuses that close Node-level backdoors, and loads the app only from its checked asar', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    })
  })

  it('builds an installer per platform under that platform', () => {
    expect(config.linux?.target).toEqual(['AppImage', 'deb'])
    expect(config.win?.target).toEqual(['nsis'])
    expect(config.mac?.target).toEqual(['dmg'])
    expect(config.mac?.hardenedRuntime).toBe(true)
    expect(config.deb?.recommends).toContain('gnome-keyring')
  })
})
