import { groupDigits } from '../internal/numbers.js';

const enGB = {
  mapLabel: (hub: string) => `Map of ${hub}`,
  mapOf: 'Map of local support',
  loading: 'Loading the map…',
  listLink: 'Skip the map: go to the list of results',
  /** `shown` is the count as the cluster shows it ("2k"); the name starts with it so speech input can use it. */
  cluster: (n: number, shown: string) => `${shown === String(n) ? '' : `${shown}: `}${groupDigits(n)} places here. Select to zoom in.`,
  close: 'Close',
  selected: 'Selected on the map',
  noPlaces: 'None of these results has a place on the map.',
  shown: (n: number) => (n === 1 ? 'The map shows 1 place.' : `The map shows ${groupDigits(n)} places.`),
  keyboardHint: 'Use Tab to move between places on the map, Enter to choose one, and the + and − keys to zoom.',
};

/** Strings of `<hub-map>` per locale. */
export type MapStrings = typeof enGB;
export const strings: { 'en-GB': MapStrings } & Record<string, MapStrings> = { 'en-GB': enGB };
