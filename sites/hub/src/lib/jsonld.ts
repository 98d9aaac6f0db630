/**
 * schema.org descriptions of an asset for search engines and other readers: an Event for events, an Organization
 * for organisations and a Service for everything else (groups, activities, venues, volunteering).
 */
import { ACCESSIBILITY_LABELS, type Asset, DAY_LABELS, type Hub } from '@townhub/schema';

type Json = { [key: string]: unknown };

const londonOffsetFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', timeZoneName: 'shortOffset' });

/** "2026-12-05T10:00" (London local time) → "2026-12-05T10:00:00+00:00". */
export function londonDateTime(local: string): string {
  const name = londonOffsetFormat.formatToParts(new Date(`${local}:00Z`)).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const hours = Number(name.replace('GMT', '') || '0');
  const sign = hours < 0 ? '-' : '+';
  return `${local}:00${sign}${String(Math.abs(hours)).padStart(2, '0')}:00`;
}

function place(asset: Asset): Json | undefined {
  const l = asset.locations?.[0];
  if (!l) return undefined;
  return {
    '@type': 'Place',
    ...(l.name ? { name: l.name } : {}),
    address: {
      '@type': 'PostalAddress',
      streetAddress: l.address.join(', '),
      ...(l.town ? { addressLocality: l.town } : {}),
      postalCode: l.postcode,
      addressCountry: 'GB',
    },
    geo: { '@type': 'GeoCoordinates', latitude: l.lat, longitude: l.lng },
  };
}

function contactFields(asset: Asset): Json {
  const c = asset.contact ?? {};
  return { ...(c.phone ? { telephone: c.phone } : {}), ...(c.email ? { email: c.email } : {}) };
}

function offers(asset: Asset, url: string): Json {
  return {
    '@type': 'Offer',
    price: asset.cost.free ? 0 : (asset.cost.amount ?? undefined),
    priceCurrency: 'GBP',
    url: asset.contact?.booking ?? url,
    ...(asset.cost.description ? { description: asset.cost.description } : {}),
  };
}

function hours(asset: Asset): Json[] {
  return (asset.schedule?.weekly ?? []).map((w) => ({
    '@type': 'OpeningHoursSpecification',
    dayOfWeek: w.days.map((d) => `https://schema.org/${DAY_LABELS[d]}`),
    opens: w.opens,
    closes: w.closes,
  }));
}

/** The JSON-LD for an asset's page (`url` is the page's public address). */
export function assetJsonLd(asset: Asset, hub: Hub, url: string): Json {
  const base = { '@context': 'https://schema.org', name: asset.name, description: asset.summary, url };
  const org = asset.organisation ? { '@type': 'Organization', name: asset.organisation.name } : undefined;
  const accessibility = (asset.accessibility ?? []).map((f) => ACCESSIBILITY_LABELS[f]);
  const events = asset.schedule?.events ?? [];

  if (asset.kind === 'event' && events.length > 0) {
    const location = place(asset) ?? (asset.online ? { '@type': 'VirtualLocation', url: asset.contact?.website ?? url } : undefined);
    const one = (e: (typeof events)[number]) => ({
      ...base,
      '@type': 'Event',
      ...(e.title ? { name: e.title } : {}),
      startDate: londonDateTime(e.start),
      ...(e.end ? { endDate: londonDateTime(e.end) } : {}),
      eventStatus: 'https://schema.org/EventScheduled',
      eventAttendanceMode: asset.online ? 'https://schema.org/OnlineEventAttendanceMode' : 'https://schema.org/OfflineEventAttendanceMode',
      ...(location ? { location } : {}),
      ...(org ? { organizer: org } : {}),
      isAccessibleForFree: asset.cost.free,
      offers: offers(asset, url),
      ...(accessibility.length ? { accessibilityFeature: accessibility } : {}),
    });
    if (events.length === 1) return one(events[0]!);
    return {
      '@context': 'https://schema.org',
      '@graph': events.map((e) => {
        const { '@context': _, ...event } = one(e);
        return event;
      }),
    };
  }

  if (asset.kind === 'organisation') {
    const location = place(asset);
    return {
      ...base,
      '@type': 'Organization',
      ...contactFields(asset),
      ...(asset.contact?.website ? { sameAs: asset.contact.website } : {}),
      ...(location ? { address: location.address, location } : {}),
      areaServed: hub.constituency.name,
    };
  }

  const location = place(asset);
  return {
    ...base,
    '@type': 'Service',
    serviceType: asset.kind,
    provider: org ?? { '@type': 'Organization', name: hub.name, url: hub.siteUrl },
    areaServed: { '@type': 'AdministrativeArea', name: hub.constituency.name },
    ...(location ? { availableChannel: { '@type': 'ServiceChannel', serviceLocation: location } } : {}),
    ...(hours(asset).length ? { hoursAvailable: hours(asset) } : {}),
    isAccessibleForFree: asset.cost.free,
    offers: offers(asset, url),
    ...contactFields(asset),
    ...(accessibility.length ? { accessibilityFeature: accessibility } : {}),
  };
}

/** JSON for a `<script type="application/ld+json">` block, with `<` escaped so data can never close the element. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
