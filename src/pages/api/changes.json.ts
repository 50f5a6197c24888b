import type { APIRoute } from 'astro';
import { jsonResponse } from '../../data/api';
import { changesJson } from '../../data/changes';

/** Every change of the archive, newest first, with its kind and summary. */
export const GET: APIRoute = async () => jsonResponse(await changesJson());
