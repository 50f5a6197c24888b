import type { APIRoute } from 'astro';
import { changesFeed } from '../data/changes';

/** RSS of the substantive changes to every tracked policy. */
export const GET: APIRoute = () => changesFeed({});
