import { describe, expect, it } from 'vitest';
import { contrastRatio, parseColor, relativeLuminance } from '../support/contrast.ts';

describe('WCAG contrast', () => {
  it('reads colours as CSS and getComputedStyle write them', () => {
    expect(parseColor('#ffdd00')).toEqual({ r: 255, g: 221, b: 0, a: 1 });
    expect(parseColor('#FFF')).toEqual({ r: 255, g: 255, b: 255, a: 1 });
    expect(parseColor('rgb(11, 12, 12)')).toEqual({ r: 11, g: 12, b: 12, a: 1 });
    expect(parseColor('rgba(0, 0, 0, 0)')).toEqual({ r: 0, g: 0, b: 0, a: 0 });
    expect(parseColor('rgb(18 53 91 / 50%)')).toEqual({ r: 18, g: 53, b: 91, a: 0.5 });
    expect(() => parseColor('yellow')).toThrow();
  });
  it('gives black and white their luminance', () => {
    expect(relativeLuminance(parseColor('#000'))).toBe(0);
    expect(relativeLuminance(parseColor('#fff'))).toBe(1);
  });
  it('measures known pairs', () => {
    expect(contrastRatio('#000', '#fff')).toBe(21);
    expect(contrastRatio('#fff', '#000')).toBe(21);
    expect(contrastRatio('#777', '#777')).toBe(1);
    // the audit's finding: the header's white link text on the yellow focus colour
    expect(contrastRatio('#fff', '#ffdd00')).toBeCloseTo(1.35, 2);
    // GOV.UK's focus style: black text on the yellow
    expect(contrastRatio('#0b0c0c', '#ffdd00')).toBeCloseTo(14.5, 1);
    // GOV.UK's grey #767676 on white, the lightest grey that passes AA for text
    expect(contrastRatio('#767676', '#fff')).toBeCloseTo(4.54, 2);
    // white on the site's header blue
    expect(contrastRatio('rgb(255, 255, 255)', 'rgb(18, 53, 91)')).toBeGreaterThan(12);
  });
  it('blends translucent text onto its background', () => {
    expect(contrastRatio('rgba(0, 0, 0, 0)', '#fff')).toBe(1);
    expect(contrastRatio('rgba(0, 0, 0, 0.5)', '#fff')).toBeCloseTo(contrastRatio('rgb(127.5, 127.5, 127.5)', '#fff'), 10);
  });
  it('refuses a background it cannot see through', () => {
    expect(() => contrastRatio('#000', 'rgba(0, 0, 0, 0)')).toThrow(/opaque/);
  });
});
