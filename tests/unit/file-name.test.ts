import { describe, expect, it } from 'vitest';
import { pdfFileName } from '../../lib/export/file-name';

describe('pdfFileName', () => {
  it('keeps ordinary titles as they are', () => {
    expect(pdfFileName('Release notes 2.0')).toBe('Release notes 2.0.pdf');
  });
  it('replaces characters file systems reject and trims', () => {
    expect(pdfFileName('  A/B: "c" <d>|e?*  ')).toBe('A-B- -c- -d--e--.pdf');
  });
  it('never produces a hidden or empty name', () => {
    expect(pdfFileName('...')).toBe('Confluence page.pdf');
    expect(pdfFileName('')).toBe('Confluence page.pdf');
    expect(pdfFileName('..secret')).toBe('secret.pdf');
  });
  it('bounds the length', () => {
    expect(pdfFileName('x'.repeat(500)).length).toBe(184);
  });
});
