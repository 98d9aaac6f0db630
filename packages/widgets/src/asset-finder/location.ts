/**
 * Where the person is, for "distance from": asked for only after they choose "My location" or enter a postcode, and
 * loaded only then.
 */

/** The browser's idea of where the person is. Rejects when it is unavailable or refused. */
export function currentPosition(): Promise<{ lat: number; lng: number }> {
  return new Promise((resolve, reject) => {
    if (!('geolocation' in navigator)) throw new Error('no geolocation');
    navigator.geolocation.getCurrentPosition((p) => resolve({ lat: p.coords.latitude, lng: p.coords.longitude }), reject, {
      maximumAge: 300000,
      timeout: 15000,
    });
  });
}

/** A postcode's position from a postcodes.io-compatible geocoder. Rejects when it is not found. */
export async function postcodePosition(geocoder: string, postcode: string): Promise<{ lat: number; lng: number }> {
  const response = await fetch(`${geocoder}${encodeURIComponent(postcode)}`, { credentials: 'omit' });
  const body = (await response.json()) as { result?: { latitude?: number; longitude?: number } };
  const { latitude, longitude } = body.result ?? {};
  if (!response.ok || typeof latitude !== 'number' || typeof longitude !== 'number') throw new Error('not found');
  return { lat: latitude, lng: longitude };
}
