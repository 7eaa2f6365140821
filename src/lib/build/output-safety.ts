/**
 * The second and third layers of content safety, each able to stand alone: the output gate, which
 * reads every built page before it is published, and the Content-Security-Policy every page carries.
 */
import type { AstroUserConfig } from 'astro';
import { Parser } from 'htmlparser2';
import { isSafeAddress } from '#lib/text/safe-content.ts';
import { SITE_PAGES } from '#lib/model/routes.ts';

/** The only scripts the site writes itself, by their path under the base. */
export const SITE_SCRIPTS = ['search.js'] as const;
/** The only form the site writes itself: the search form, by its path under the base. */
export const SITE_FORM_ACTIONS = [SITE_PAGES.search] as const;

/**
 * The policy, through Astro's own CSP support (astro.config.mjs): Astro adds the hashes of the
 * scripts and styles it writes. Search needs 'wasm-unsafe-eval' for Pagefind's WebAssembly.
 */
export const CONTENT_SECURITY_POLICY: Exclude<NonNullable<NonNullable<AstroUserConfig['security']>['csp']>, boolean> = {
  directives: [
    "default-src 'self'",
    "img-src 'self'",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "frame-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ],
  scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
  styleDirective: { resources: ["'self'"] },
};

/** The policy as the text of a Content-Security-Policy, for pages the build writes itself. */
export function contentSecurityPolicyText(): string {
  const resources = (directive: { resources?: readonly (string | { resource: string })[] } | undefined) =>
    (directive?.resources ?? []).map((entry) => (typeof entry === 'string' ? entry : entry.resource)).join(' ');
  return [
    ...(CONTENT_SECURITY_POLICY.directives ?? []),
    `script-src ${resources(CONTENT_SECURITY_POLICY.scriptDirective)}`,
    `style-src ${resources(CONTENT_SECURITY_POLICY.styleDirective)}`,
  ].join('; ');
}

export interface UnsafeMarkup {
  line: number;
  /** the element as written, shortened: `<img onerror=…>` */
  element: string;
  message: string;
}

const FORBIDDEN_ELEMENTS: Record<string, string> = {
  base: 'a <base>, which changes where every link of the page leads',
  iframe: 'a frame', frame: 'a frame', frameset: 'a frame', portal: 'a frame',
  object: 'an <object>, which runs a plug-in', embed: 'an <embed>, which runs a plug-in', applet: 'an <applet>, which runs a plug-in',
  svg: 'an <svg>, which can hold scripts and links the site did not write', math: 'a <math>, which can hold links the site did not write',
  template: 'a <template>, which can hold markup the site did not write',
};
/** Attributes whose value is an address the browser follows or loads. */
const ADDRESS_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'data', 'cite', 'background', 'ping', 'srcset', 'manifest', 'codebase', 'longdesc', 'lowsrc', 'dynsrc']);
/** `<link rel>` values that load something into the page: those must come from the site itself. */
const LOADING_LINKS = /\b(stylesheet|preload|modulepreload|prefetch|prerender|import|icon|manifest|serviceworker)\b/i;

/** True for a path on this site: no scheme and no other host. */
function isSitePath(address: string): boolean {
  return isSafeAddress(address) && !/^\s*([^:/?#]*:|[\\/][\\/])/.test(address);
}

function describeElement(name: string, attributes: Record<string, string>): string {
  const shown = Object.entries(attributes)
    .map(([key, value]) => (value === '' ? key : `${key}="${value.length > 40 ? `${value.slice(0, 37)}…` : value}"`))
    .join(' ');
  return `<${name}${shown ? ` ${shown}` : ''}>`;
}

/**
 * Everything in a built page that the site did not intend: scripts that are not the site's own, inline
 * event handlers, addresses with a scheme other than http, https, mailto or tel, <base>, refreshes,
 * frames, plug-ins, forms the site did not make, inline styles and stylesheets from another host.
 * `base` is the path the site is served under ("/" or "/board/").
 */
export function findUnsafeMarkup(html: string, base: string): UnsafeMarkup[] {
  const found: UnsafeMarkup[] = [];
  // counted only when something is found: most pages hold nothing
  const lineAt = (offset: number) => html.slice(0, offset).split('\n').length;
  const siteScripts = new Set(SITE_SCRIPTS.map((script) => `${base}${script}`));
  const siteForms = new Set(SITE_FORM_ACTIONS.map((action) => `${base}${action}`));
  let openScript: { line: number; element: string; inline: boolean; dataBlock: boolean; text: string } | undefined;
  let styleDepth = 0;

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const start = parser.startIndex;
        const refuse = (message: string) => found.push({ line: lineAt(start), element: describeElement(name, attributes), message });
        const forbidden = FORBIDDEN_ELEMENTS[name];
        if (forbidden) refuse(`is ${forbidden}; the site never publishes one`);
        for (const attribute in attributes) {
          const value = attributes[attribute]!;
          if (attribute.startsWith('on')) refuse(`has an inline event handler (${attribute}), which runs script`);
          else if (attribute === 'style') refuse('has an inline style; the site styles pages from its own stylesheet');
          else if (ADDRESS_ATTRIBUTES.has(attribute)) {
            const addresses = attribute === 'srcset' ? value.split(',').map((part) => part.trim().split(/\s+/)[0] ?? '') : [value];
            for (const address of addresses) {
              if (!isSafeAddress(address)) refuse(`has the address ${JSON.stringify(address.slice(0, 60))} in ${attribute}, which the site never publishes; expected http:, https:, mailto:, tel: or a path`);
            }
          }
        }
        switch (name) {
          case 'script': {
            const dataBlock = attributes.type === 'application/ld+json' && attributes.src === undefined;
            const ownScript = attributes.src !== undefined && siteScripts.has(attributes.src) && (attributes.type === undefined || attributes.type === 'module');
            if (!dataBlock && !ownScript) refuse('is a script that is not the site’s own');
            openScript = { line: lineAt(start), element: describeElement(name, attributes), inline: attributes.src === undefined, dataBlock, text: '' };
            break;
          }
          case 'meta': {
            const httpEquiv = attributes['http-equiv']?.toLowerCase();
            // the site's own refresh: a moved paper's old address leading to a page of this site
            const refreshTo = httpEquiv === 'refresh' ? /^\s*0\s*;\s*url=(.*)$/i.exec(attributes.content ?? '')?.[1] : undefined;
            const ownRefresh = refreshTo !== undefined && refreshTo.startsWith(base) && isSitePath(refreshTo);
            if (httpEquiv !== undefined && httpEquiv !== 'content-security-policy' && !ownRefresh) {
              refuse(`is a <meta http-equiv="${httpEquiv}">, which the site never writes, except a refresh to one of its own pages`);
            }
            break;
          }
          case 'form':
            if (!siteForms.has(attributes.action ?? '')) refuse('is a form the site did not make');
            break;
          case 'link':
            if (LOADING_LINKS.test(attributes.rel ?? '') && !isSitePath(attributes.href ?? '')) refuse('loads a file from another host');
            break;
          case 'style':
            styleDepth++;
            break;
        }
      },
      ontext(text) {
        if (openScript) openScript.text += text;
        if (styleDepth > 0 && /@import|url\(\s*['"]?\s*(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(text)) {
          found.push({ line: lineAt(parser.startIndex), element: '<style>', message: 'loads a file from another host' });
        }
      },
      onclosetag(name) {
        if (name === 'script' && openScript) {
          if (openScript.dataBlock) {
            try {
              JSON.parse(openScript.text);
            } catch {
              found.push({ line: openScript.line, element: openScript.element, message: 'is a data block that is not JSON' });
            }
          } else if (openScript.inline === false && openScript.text.trim() !== '') {
            found.push({ line: openScript.line, element: openScript.element, message: 'is a script with code inside it' });
          }
          openScript = undefined;
        }
        if (name === 'style') styleDepth = Math.max(0, styleDepth - 1);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  return found;
}
