/**
 * CSS colour strings from Confluence markup -> colours pdfkit accepts (`#rrggbb`).
 * pdfkit understands hex and its own named list but not `rgb()`, `hsl()` or `var()`; an
 * unknown string would make it draw black or throw, so anything unrecognised is dropped.
 */
const NAMED: Record<string, string> = {
  black: '#000000',
  white: '#ffffff',
  red: '#ff0000',
  green: '#008000',
  blue: '#0000ff',
  yellow: '#ffff00',
  orange: '#ffa500',
  purple: '#800080',
  grey: '#808080',
  gray: '#808080',
  silver: '#c0c0c0',
  maroon: '#800000',
  navy: '#000080',
  teal: '#008080',
  olive: '#808000',
  lime: '#00ff00',
  aqua: '#00ffff',
  fuchsia: '#ff00ff',
  brown: '#a52a2a',
  pink: '#ffc0cb',
};

const hex2 = (n: number): string =>
  Math.max(0, Math.min(255, Math.round(n)))
    .toString(16)
    .padStart(2, '0');

/** Returns `#rrggbb`, or undefined for transparent / unparseable colours. */
export function cssColour(input: string | undefined): string | undefined {
  if (!input) return undefined;
  const s = input.trim().toLowerCase();
  if (/^#[0-9a-f]{6}$/.test(s)) return s;
  if (/^#[0-9a-f]{3}$/.test(s))
    return (
      '#' +
      s
        .slice(1)
        .split('')
        .map((c) => c + c)
        .join('')
    );
  if (/^#[0-9a-f]{8}$/.test(s)) return s.slice(0, 7);
  const rgb = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:[\s,/]+([\d.]+%?))?\s*\)$/.exec(s);
  if (rgb) {
    const alpha = rgb[4] === undefined ? 1 : parseFloat(rgb[4]) / (rgb[4].endsWith('%') ? 100 : 1);
    if (alpha === 0) return undefined;
    // Blend translucent colours (Confluence's rgba(9,30,66,0.08) greys) onto white.
    const mix = (c: string | undefined): number => 255 - (255 - Number(c)) * Math.min(1, alpha);
    return '#' + hex2(mix(rgb[1])) + hex2(mix(rgb[2])) + hex2(mix(rgb[3]));
  }
  return NAMED[s];
}
