import { dateTime, timeAgo } from '../plan/times.js';
import { strings as planStrings } from './plan-strings.js';
import { strings as renderPlanStrings } from './render-plan.strings.js';

const enGB = {
  ...planStrings['en-GB'],
  ...renderPlanStrings['en-GB'],
  sharedTitle: 'A wellness plan shared with you',
  readOnly: 'This is a read-only copy. Changes made to the plan after it was shared do not show here.',
  liveUpdated: (iso: string, lang: string) => {
    const ago = timeAgo(iso, lang);
    return ago ? `Updated ${ago}.` : `Updated on ${dateTime(iso, lang)}.`;
  },
  liveNotice: 'This is a read-only view. It shows the latest version the person has shared with you.',
  withdrawn: 'The person who shared this plan has withdrawn access to it. Ask them if you need to see it again.',
  notFound: 'This link was not found. It may have expired or been copied wrongly: ask for the link again.',
  offline: 'The shared plan could not be fetched. Check your connection and try again.',
  serviceProblem: 'The shared plan could not be fetched just now. Try again later.',
  loading: 'Opening the shared plan…',
  noLink: 'There is no shared plan in this link. Ask the person who shared it to send the whole link again.',
  cannotOpen: 'The shared plan could not be opened',
};

export type PlanViewStrings = typeof enGB;
export const strings: { 'en-GB': PlanViewStrings } & Record<string, PlanViewStrings> = { 'en-GB': enGB };
