/** WCAG 2 contrast between two colours: https://www.w3.org/TR/WCAG22/#dfn-contrast-ratio */

export interface Rgba {
  r: number;
  g: number;
  b: number;
  /** 0 (transparent) to 1 (opaque) */
  a: number;
}

/** A CSS colour as "#rgb", "#rrggbb", or rgb()/rgba() as getComputedStyle writes it. */
export function parseColor(text: string): Rgba {
  const color = text.trim().toLowerCase();
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/.exec(color);
  if (hex) {
    const digits = hex[1].length === 3 ? [...hex[1]].map((digit) => digit + digit).join('') : hex[1];
    return { r: parseInt(digits.slice(0, 2), 16), g: parseInt(digits.slice(2, 4), 16), b: parseInt(digits.slice(4, 6), 16), a: 1 };
  }
  const rgb = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(color);
  if (rgb) {
    const alpha = rgb[4] === undefined ? 1 : rgb[4].endsWith('%') ? Number(rgb[4].slice(0, -1)) / 100 : Number(rgb[4]);
    return { r: Number(rgb[1]), g: Number(rgb[2]), b: Number(rgb[3]), a: alpha };
  }
  throw new Error(`not a colour this reads: ${text}`);
}

/** Relative luminance of an opaque sRGB colour, 0 (black) to 1 (white). */
export function relativeLuminance({ r, g, b }: Rgba): number {
  const linear = (channel: number) => {
    const value = channel / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** The contrast ratio of text in one colour on an opaque background, 1 to 21; a translucent text colour is blended onto the background first. */
export function contrastRatio(foreground: string, background: string): number {
  const back = parseColor(background);
  if (back.a < 1) throw new Error(`the background must be opaque: ${background}`);
  const fore = parseColor(foreground);
  const blend = (top: number, bottom: number) => top * fore.a + bottom * (1 - fore.a);
  const text = { r: blend(fore.r, back.r), g: blend(fore.g, back.g), b: blend(fore.b, back.b), a: 1 };
  const [lighter, darker] = [relativeLuminance(text), relativeLuminance(back)].sort((x, y) => y - x);
  return (lighter + 0.05) / (darker + 0.05);
}
