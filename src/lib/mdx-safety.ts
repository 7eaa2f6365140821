/**
 * Content is written by staff and published to the world, and MDX can run code at build time.
 * Content may use only the site's own components; anything that could run code is refused.
 */

import { mdxToMdast } from 'satteri';

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

/** The components the site supplies to content, without an import. */
export const CONTENT_COMPONENTS = ['EditorialNote'] as const;

interface MdxNode {
  type: string;
  name?: string | null;
  position?: { start: { line: number } };
  children?: MdxNode[];
}

/**
 * True when the text may hold MDX syntax: a tag, an expression or an import/export line. Text with
 * none of them is Markdown that MDX always reads, and holds no component.
 */
export function mayHoldMdxSyntax(text: string): boolean {
  return /[<{}]|^\s*(?:import|export)\s/m.test(text);
}

/**
 * Compiles the text as MDX (with Astro's own MDX parser) and reports what would fail the build: a
 * syntax error such as an unclosed tag, or a component the site does not supply.
 */
export function findMdxErrors(text: string): UnsafeMdx[] {
  if (!mayHoldMdxSyntax(text)) return [];
  let tree: MdxNode;
  try {
    tree = mdxToMdast(text) as MdxNode;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const match = /^(\d+):(\d+):\s*(.*?)(?:\s*\(\d+:\d+\))?(?:\s*\(mdx[^)]*\))?$/s.exec(message);
    return [{ line: match ? Number(match[1]) : 1, message: `is not valid MDX: ${(match?.[3] ?? message).trim()}` }];
  }
  const found: UnsafeMdx[] = [];
  const walk = (node: MdxNode) => {
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name && /^[A-Z]/.test(node.name) && !(CONTENT_COMPONENTS as readonly string[]).includes(node.name)) {
      found.push({ line: node.position?.start.line ?? 1, message: `uses <${node.name}>, which the site does not supply; expected one of ${CONTENT_COMPONENTS.map((name) => `<${name}>`).join(', ')}` });
    }
    node.children?.forEach(walk);
  };
  walk(tree);
  return found;
}

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
