import { describe, expect, it } from 'vitest';
import { checkPermission, decidePermission } from '../../../electron/main/security/permissions';

const APP = 'app://sportello/index.html';

describe('decidePermission', () => {
  it('grants the camera to the app origin', () => {
    expect(decidePermission('media', APP, { requestingUrl: APP, mediaTypes: ['video'] })).toBe(true);
  });
  it.each([
    ['media', APP, { requestingUrl: APP, mediaTypes: ['audio'] }],
    ['media', APP, { requestingUrl: APP, mediaTypes: ['video', 'audio'] }],
    ['media', APP, { requestingUrl: APP, mediaTypes: [] }],
    ['media', APP, { requestingUrl: APP }],
    ['media', 'https://evil.example/', { requestingUrl: 'https://evil.example/', mediaTypes: ['video'] }],
    ['media', APP, { requestingUrl: 'https://evil.example/', mediaTypes: ['video'] }],
    ['media', 'app://evil/', { mediaTypes: ['video'] }],
    ['geolocation', APP, {}],
    ['notifications', APP, {}],
    ['clipboard-read', APP, {}],
    ['clipboard-sanitized-write', APP, {}],
    ['display-capture', APP, {}],
    ['hid', APP, {}],
    ['serial', APP, {}],
    ['usb', APP, {}],
    ['openExternal', APP, {}],
    ['fullscreen', APP, {}],
    ['pointerLock', APP, {}],
    ['midiSysex', APP, {}],
    ['unknown', APP, {}],
  ])('denies %s for %s %j', (permission, origin, details) => {
    expect(decidePermission(permission, origin, details)).toBe(false);
  });
});

describe('checkPermission', () => {
  it.each([
    ['media', APP, true],
    ['media', 'https://evil.example', false],
    ['geolocation', APP, false],
    ['notifications', APP, false],
  ])('%s for %s → %s', (permission, origin, expected) => {
    expect(checkPermission(permission, origin)).toBe(expected);
  });
});
