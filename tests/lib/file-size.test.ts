import { describe, expect, it } from 'vitest';
import { fileSizeText } from '#lib/check/file-size.ts';

describe('a download’s size as written beside its link', () => {
  it('writes bytes, then kilobytes rounded up, then megabytes, the number and unit joined by a no-break space', () => {
    expect(fileSizeText(2048)).toBe('2\u00a0KB');
    expect(fileSizeText(0)).toBe('0\u00a0bytes');
    expect(fileSizeText(1)).toBe('1\u00a0byte');
    expect(fileSizeText(1023)).toBe('1023\u00a0bytes');
    expect(fileSizeText(1024)).toBe('1\u00a0KB');
    expect(fileSizeText(1025)).toBe('2\u00a0KB');
    expect(fileSizeText(1024 * 1024 - 1)).toBe('1024\u00a0KB');
    expect(fileSizeText(1.2 * 1024 * 1024)).toBe('1.2\u00a0MB');
    expect(fileSizeText(1.21 * 1024 * 1024)).toBe('1.3\u00a0MB');
    expect(fileSizeText(25.5 * 1024 * 1024)).toBe('26\u00a0MB');
  });
  it('refuses what is not a size', () => {
    expect(() => fileSizeText(-1)).toThrow(RangeError);
    expect(() => fileSizeText(Number.NaN)).toThrow(RangeError);
  });
});
