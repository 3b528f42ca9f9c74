import { describe, expect, it } from 'vitest';
import { FONT_FAMILIES } from '../../lib/pdf/font-files';
import { fillFileNameTemplate, formatPrefsDate } from '../../lib/prefs/format';
import {
  checkPrefs,
  DEFAULT_PREFS,
  FIELD_CHECKS,
  MAX_LOGO_BYTES,
  parseOrigin,
  PREF_KEYS,
  readPrefs,
} from '../../lib/prefs/schema';

const PNG_1PX =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';

describe('preference schema', () => {
  it('has valid defaults, each passing its own validator', () => {
    expect(PREF_KEYS.sort()).toEqual(Object.keys(DEFAULT_PREFS).sort());
    for (const key of PREF_KEYS) {
      expect(FIELD_CHECKS[key](DEFAULT_PREFS[key]), key).toEqual({
        ok: true,
        value: DEFAULT_PREFS[key],
      });
    }
    expect(DEFAULT_PREFS.pageSize).toBe('A4');
    expect(DEFAULT_PREFS.fontFamily).toBe('Roboto');
    expect(DEFAULT_PREFS.sites).toEqual([]);
  });

  it('offers only font families the PDF engines register', () => {
    const result = FIELD_CHECKS.fontFamily('Roboto');
    expect(result.ok).toBe(true);
    for (const name of ['Roboto', 'Mono']) expect(Object.keys(FONT_FAMILIES)).toContain(name);
    expect(FIELD_CHECKS.fontFamily('Comic Sans').ok).toBe(false);
  });

  it('reads an empty or non-object record as the defaults', () => {
    expect(readPrefs(undefined)).toEqual({ prefs: DEFAULT_PREFS, invalid: [] });
    expect(readPrefs('nonsense').prefs).toEqual(DEFAULT_PREFS);
    expect(readPrefs([1, 2]).prefs).toEqual(DEFAULT_PREFS);
  });

  it('falls back per field: one bad value keeps the others', () => {
    const { prefs, invalid } = readPrefs({
      ...DEFAULT_PREFS,
      pageSize: 'LETTER',
      fontSize: 'huge',
      marginsMm: [10, 10, 10],
      tocDepth: 2.5,
      watermarkText: 'DRAFT',
      sites: ['https://wiki.example.com', 'ftp://nope'],
      locale: 'not a locale!!',
      extra: 'ignored',
    });
    expect(prefs.pageSize).toBe('LETTER');
    expect(prefs.watermarkText).toBe('DRAFT');
    expect(prefs.fontSize).toBe(DEFAULT_PREFS.fontSize);
    expect(prefs.marginsMm).toEqual(DEFAULT_PREFS.marginsMm);
    expect(prefs.tocDepth).toBe(DEFAULT_PREFS.tocDepth);
    expect(prefs.sites).toEqual([]);
    expect(prefs.locale).toBe(DEFAULT_PREFS.locale);
    expect(invalid.sort()).toEqual(['fontSize', 'locale', 'marginsMm', 'sites', 'tocDepth']);
  });

  it('never shares the default arrays with a result', () => {
    const { prefs } = readPrefs({});
    prefs.marginsMm[0] = 99;
    prefs.sites.push('https://x.example');
    expect(DEFAULT_PREFS.marginsMm[0]).toBe(18);
    expect(DEFAULT_PREFS.sites).toEqual([]);
  });

  it('checks numbers against their bounds', () => {
    expect(FIELD_CHECKS.fontSize(5).ok).toBe(false);
    expect(FIELD_CHECKS.fontSize(10.5).ok).toBe(true);
    expect(FIELD_CHECKS.fontSize(Number.NaN).ok).toBe(false);
    expect(FIELD_CHECKS.watermarkOpacity(1.2).ok).toBe(false);
    expect(FIELD_CHECKS.restConcurrency(0).ok).toBe(false);
    expect(FIELD_CHECKS.maxImageDpi(150).ok).toBe(true);
    expect(FIELD_CHECKS.marginsMm([0, 80, 12.5, 20]).ok).toBe(true);
    expect(FIELD_CHECKS.marginsMm([0, 81, 12, 20]).ok).toBe(false);
  });

  it('accepts a small PNG or JPEG logo and refuses others and oversized ones', () => {
    expect(FIELD_CHECKS.coverLogo(PNG_1PX)).toEqual({ ok: true, value: PNG_1PX });
    expect(FIELD_CHECKS.coverLogo('').ok).toBe(true);
    expect(FIELD_CHECKS.coverLogo('data:image/gif;base64,R0lGOD').ok).toBe(false);
    expect(FIELD_CHECKS.coverLogo('data:image/png;base64,@@@').ok).toBe(false);
    const big = `data:image/jpeg;base64,${'A'.repeat(Math.ceil(((MAX_LOGO_BYTES + 3) * 4) / 3))}`;
    const result = FIELD_CHECKS.coverLogo(big);
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining('256 KB') });
  });

  it('normalises origins for self-hosted sites', () => {
    expect(parseOrigin('wiki.example.com')).toBe('https://wiki.example.com');
    expect(parseOrigin(' http://10.0.0.5:8090/confluence/display/X ')).toBe('http://10.0.0.5:8090');
    expect(parseOrigin('HTTPS://Wiki.Example.COM/')).toBe('https://wiki.example.com');
    expect(parseOrigin('file:///etc/passwd')).toBeUndefined();
    expect(parseOrigin('https://user:pw@wiki.example.com')).toBeUndefined();
    expect(parseOrigin('')).toBeUndefined();
    expect(FIELD_CHECKS.sites(['https://a.example', 'https://a.example']).ok).toBe(true);
    expect(FIELD_CHECKS.sites(['https://a.example/wiki']).ok).toBe(false);
  });

  it('canonicalises locales', () => {
    expect(FIELD_CHECKS.locale('en-gb')).toEqual({ ok: true, value: 'en-GB' });
    expect(FIELD_CHECKS.locale('').ok).toBe(false);
  });

  it('strict check lists every problem, unknown keys included', () => {
    const result = checkPrefs({ fontSize: 'x', colour: 'red', toc: true });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toContain('Font size (fontSize) must be a number');
      expect(result.error).toContain('unknown setting "colour"');
    }
    expect(checkPrefs({ toc: true, tocDepth: 2 })).toEqual({
      ok: true,
      value: { toc: true, tocDepth: 2 },
    });
  });
});

describe('preference formatting helpers', () => {
  const at = new Date(2025, 2, 15, 12);
  it('formats dates by locale and style', () => {
    expect(formatPrefsDate(at, 'en-GB', 'long')).toBe('15 March 2025');
    expect(formatPrefsDate(at, 'en-US', 'short')).toBe('3/15/25');
    expect(formatPrefsDate(at, 'de-DE', 'iso')).toBe('2025-03-15');
    expect(formatPrefsDate(at, 'xx-invalid-!!', 'long')).toBe('15 March 2025');
  });
  it('fills file-name templates', () => {
    const values = { title: 'Release notes', space: 'ENG', date: at };
    expect(fillFileNameTemplate('{title}', values)).toBe('Release notes');
    expect(fillFileNameTemplate('{space} {title} {date}', values)).toBe(
      'ENG Release notes 2025-03-15',
    );
    expect(fillFileNameTemplate('{space} {title}', { ...values, space: '' })).toBe('Release notes');
    expect(fillFileNameTemplate('{nope}', values)).toBe('{nope}');
  });
});
