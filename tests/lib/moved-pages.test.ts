import { describe, expect, it } from 'vitest';
import { load } from 'cheerio';
import { movedPageHtml } from '#lib/outputs/moved-pages.ts';
import { contentSecurityPolicyText, findUnsafeMarkup } from '#lib/build/output-safety.ts';
import { withBase } from '#lib/model/routes.ts';

describe('the page at a moved paper’s old address', () => {
  const html = movedPageHtml({ from: 'bcb/2019-06-11/07-plan/', to: 'bcb/2019-06-11/7/', title: 'Plan <b>"&' }, (path) => withBase('/board/', path), contentSecurityPolicyText());
  const $ = load(html);

  it('leads at once to the paper’s address, under the base, and says where it went', () => {
    expect($('meta[http-equiv="refresh"]').attr('content')).toBe('0; url=/board/bcb/2019-06-11/7/');
    expect($('link[rel="canonical"]').attr('href')).toBe('/board/bcb/2019-06-11/7/');
    expect($('main a').attr('href')).toBe('/board/bcb/2019-06-11/7/');
    expect($('main a').text()).toBe('Plan <b>"&');
  });

  it('is never indexed, carries the policy, and passes the output gate', () => {
    expect($('meta[name="robots"]').attr('content')).toBe('noindex');
    expect($('meta[http-equiv="content-security-policy"]').attr('content')).toContain("object-src 'none'");
    expect(findUnsafeMarkup(html, '/board/')).toEqual([]);
  });
});
