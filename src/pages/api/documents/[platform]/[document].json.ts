import type { APIRoute, GetStaticPaths } from 'astro';
import { documentJson, jsonResponse } from '../../../../data/api';
import { findDocument } from '../../../../data/archive';
import { documentRoutes } from '../../../../data/views';

export const getStaticPaths = documentRoutes satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) =>
  jsonResponse(documentJson(await findDocument(params.platform!, params.document!)));
