/** Every page of the real archive in a browser, loaded once: axe-core at 1,280 and 375 px, reflow at 375 and 320 px (tests/support/every-page.ts). */
import { describeEveryPage } from '../support/every-page.ts';
import { REAL } from '../support/site.ts';

// a paper whose background documents are long addresses
describeEveryPage('real', REAL, ['pcp/2017-11-15/8/']);
