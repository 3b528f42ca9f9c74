/** The "Offprint" logo attachment, 400x200, as SVG text. */
export function logoSvg(): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="400" height="200" viewBox="0 0 400 200">
  <title>Offprint logo</title>
  <rect x="0" y="0" width="400" height="200" rx="16" fill="#f4f5f7"/>
  <rect x="30" y="40" width="90" height="120" rx="6" fill="#0052cc"/>
  <path d="M90 40 L120 70 L90 70 Z" fill="#b3d4ff"/>
  <rect x="45" y="90" width="60" height="8" fill="#ffffff"/>
  <rect x="45" y="110" width="45" height="8" fill="#ffffff"/>
  <circle cx="105" cy="150" r="22" fill="#36b37e"/>
  <text x="150" y="115" font-family="sans-serif" font-size="44" fill="#172b4d">Offprint</text>
</svg>
`;
}
