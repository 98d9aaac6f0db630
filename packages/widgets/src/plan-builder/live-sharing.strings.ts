import { dateTime } from '../plan/times.js';

const enGB = {
  liveHeading: 'Share with someone',
  liveHint:
    'Give someone you trust their own link. It always shows the latest version of your plan, and you can withdraw it at any time. Your plan is locked before it leaves this device: only people with a link can read it.',
  liveLabel: 'Who is this link for?',
  liveLabelHint: 'For example “my sister” or “link worker”. Only you see this.',
  liveLabelMissing: 'Say who the link is for, so you can tell the links apart later.',
  liveCreate: 'Create a link',
  liveCreated: (label: string) => `Link created for ${label}. Copy it and send it to them.`,
  liveCreateFailed: 'The link could not be created.',
  liveListLabel: 'People with a link to your plan',
  liveLinkFor: (label: string) => `Link for ${label}`,
  forLabel: (label: string) => `for ${label}`,
  liveSentAt: (iso: string, lang: string) => `They see the version from ${dateTime(iso, lang)}.`,
  liveNone: 'No one has a link yet.',
  copy: 'Copy link',
  liveRevoke: 'Withdraw access',
  liveRevoked: (label: string) => `Access withdrawn: ${label}’s link no longer opens your plan.`,
  liveRevokeFailed: (label: string) => `Access for ${label} could not be withdrawn. Try again.`,
  liveUpdateFailed: (label: string) => `The latest version could not be sent to ${label}.`,
  liveGone: (label: string) => `${label}’s link no longer works (it was withdrawn or expired), so it has been removed.`,
  liveCopied: (label: string) => `Link for ${label} copied.`,
  liveOffline: 'Check your connection and try again.',
  liveBusy: 'The service is busy: try again in a minute.',
};

export type LiveSharingStrings = typeof enGB;
export const strings: { 'en-GB': LiveSharingStrings } & Record<string, LiveSharingStrings> = { 'en-GB': enGB };
