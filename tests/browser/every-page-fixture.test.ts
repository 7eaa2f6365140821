/** Every page of the fixture archive, under its sub-path, in a browser: axe-core at 1,280 and 375 px, reflow at 375 and 320 px (tests/support/every-page.ts). */
import { describeEveryPage } from '../support/every-page.ts';
import { FIXTURE } from '../support/site.ts';

describeEveryPage('fixture', FIXTURE);
