import type { APIRoute } from 'astro';
import { dispatchApi } from '../../api.ts';

export const prerender = false;

export const ALL: APIRoute = ({ request, clientAddress }) => dispatchApi(request, { clientAddress });
