import { describe, expect, it } from 'vitest';
import { findUnsafeMarkup } from '#lib/build/output-safety.ts';

const page = (body: string, head = '') => `<!doctype html>\n<html lang="en-GB"><head><meta charset="utf-8" />${head}</head>\n<body>\n${body}\n</body></html>`;
const messages = (html: string, base = '/') => findUnsafeMarkup(html, base).map((found) => `${found.line} ${found.element} ${found.message}`);

describe('the output gate', () => {
  it('passes what the site itself writes', () => {
    const html = page(
      [
        '<form class="header-search" role="search" action="/board/search/" method="get"><input name="q" /></form>',
        '<a href="/board/bcb/">BCB</a> <a href="https://www.gov.uk/">GOV.UK</a> <a href="mailto:a@example.org">mail</a>',
        '<table><tr><td class="align-right">1</td></tr></table>',
        '<script data-base="/board/" src="/board/search.js"></script>',
        '<script type="application/ld+json">{"@type":"Report","name":"x \\u003c/script>"}</script>',
      ].join('\n'),
      '<meta http-equiv="content-security-policy" content="default-src \'self\'"><link rel="stylesheet" href="/board/_astro/Base.css"><link rel="canonical" href="https://papers.example.org/board/">',
    );
    expect(messages(html, '/board/')).toEqual([]);
  });

  it('passes the site’s own refresh from a moved paper’s old address to a page of the site', () => {
    expect(messages(page('<p>Moved</p>', '<meta http-equiv="refresh" content="0; url=/board/bcb/2019-06-11/7/">'), '/board/')).toEqual([]);
    expect(messages(page('<p>Moved</p>', '<meta http-equiv="refresh" content="0; url=https://evil.example/">'), '/board/')).toHaveLength(1);
    expect(messages(page('<p>Moved</p>', '<meta http-equiv="refresh" content="0; url=//evil.example/">'), '/')).toHaveLength(1);
  });

  it.each([
    ['an inline script', '<script>alert(1)</script>', /is a script that is not the site’s own/],
    ['a script from another host', '<script src="https://evil.example/x.js"></script>', /is a script that is not the site’s own/],
    ['a module script of the site’s that is not its search', '<script type="module" src="/evil.js"></script>', /is a script that is not the site’s own/],
    ['the site’s script with code inside it', '<script src="/search.js">alert(1)</script>', /is a script with code inside it/],
    ['a data block that is not JSON', '<script type="application/ld+json">alert(1)</script>', /is a data block that is not JSON/],
    ['an event handler', '<img src="/x.png" onerror="alert(1)">', /has an inline event handler \(onerror\)/],
    ['an event handler in upper case on an svg', '<svg><a ONCLICK="x">y</a></svg>', /has an inline event handler \(onclick\)/],
    ['a javascript: link', '<a href="javascript:alert(1)">x</a>', /has the address "javascript:alert\(1\)" in href/],
    ['an entity-encoded javascript: link', '<a href="jav&#x61;script&colon;alert(1)">x</a>', /in href, which the site never publishes/],
    ['a vbscript: link', '<a href="vbscript:x">x</a>', /in href/],
    ['a data:text/html frame source', '<iframe src="data:text/html,<script>alert(1)</script>"></iframe>', /is a frame/],
    ['a formaction', '<button formaction="javascript:alert(1)">x</button>', /in formaction/],
    ['a <base>', '<base href="https://evil.example/">', /is a <base>/],
    ['a refresh to another host', '<meta http-equiv="refresh" content="0;url=https://evil.example/">', /is a <meta http-equiv="refresh">/],
    ['an object', '<object data="/x.swf"></object>', /is an <object>/],
    ['an embed', '<embed src="/x.swf">', /is an <embed>/],
    ['a form the site did not make', '<form action="https://evil.example/"><input name="password"></form>', /is a form the site did not make/],
    ['a stylesheet from another host', '<link rel="stylesheet" href="https://evil.example/x.css">', /loads a file from another host/],
    ['a stylesheet from another host without a scheme', '<link rel="stylesheet" href="//evil.example/x.css">', /loads a file from another host/],
    ['an import in a style element', '<style>@import "https://evil.example/x.css";</style>', /loads a file from another host/],
    ['an inline style', '<p style="display:none">x</p>', /has an inline style/],
    ['a data: image in srcset', '<img srcset="data:image/svg+xml,x 1x">', /in srcset/],
  ])('refuses %s, naming its line and element', (_name, markup, message) => {
    const found = messages(page(markup));
    expect(found, found.join('\n')).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^4 <[a-z]+.*${message.source}`))]));
  });
});
