import type { APIRoute } from 'astro';
import { documentsJson, jsonResponse } from '../../data/api';

export const GET: APIRoute = async () => jsonResponse(await documentsJson());
