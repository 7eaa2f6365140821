/**
 * Content is written by staff and published to the world, and MDX can run code at build time.
 * Content may use only the site's own components; anything that could run code is refused.
 */

export interface UnsafeMdx {
  /** 1-based line within the text */
  line: number;
  message: string;
}

const RULES: { pattern: RegExp; message: string }[] = [
  { pattern: /^\s*(import|export)\s/, message: 'has an import or export statement; content may not run code. Remove the line: the site supplies its components without an import' },
  { pattern: /<\s*script\b/i, message: 'has a <script> tag; content may not run code. Remove it' },
  { pattern: /<[A-Za-z][^>]*\son[a-z]+\s*=/i, message: 'has an inline event handler (such as onclick=); content may not run code. Remove it' },
  { pattern: /javascript\s*:/i, message: 'has a javascript: address; content may not run code. Use an ordinary https:// link' },
  { pattern: /<\s*(iframe|object|embed|style)\b/i, message: 'has an <iframe>, <object>, <embed> or <style> tag, which content may not use. Remove it' },
];

/** Every unsafe construct in an MDX text, outside fenced code blocks. */
export function findUnsafeMdx(text: string): UnsafeMdx[] {
  const found: UnsafeMdx[] = [];
  let inFence = false;
  text.split('\n').forEach((lineText, index) => {
    if (/^\s*(```|~~~)/.test(lineText)) {
      inFence = !inFence;
      return;
    }
    if (inFence) return;
    for (const rule of RULES) {
      if (rule.pattern.test(lineText)) found.push({ line: index + 1, message: rule.message });
    }
  });
  return found;
}
