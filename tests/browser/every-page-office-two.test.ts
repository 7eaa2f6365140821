/** Every page of the second office's archive in a browser: axe-core at 1,280 and 375 px, reflow at 375 and 320 px (tests/support/every-page.ts). */
import { describeEveryPage } from '../support/every-page.ts';
import { OFFICE_TWO } from '../support/site.ts';

describeEveryPage('second office', OFFICE_TWO);
