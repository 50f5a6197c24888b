import type { APIRoute } from 'astro';
import { jsonResponse } from '../../data/api';
import { permalinksJson } from '../../data/permalinks';

export const GET: APIRoute = async () => jsonResponse(await permalinksJson());
