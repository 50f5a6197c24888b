import type { APIRoute } from 'astro';
import { jsonResponse, platformsJson } from '../../data/api';

export const GET: APIRoute = async () => jsonResponse(await platformsJson());
