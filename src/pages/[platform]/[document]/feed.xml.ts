import type { APIRoute, GetStaticPaths } from 'astro';
import { changesFeed } from '../../../data/changes';
import { documentRoutes } from '../../../data/views';

export const getStaticPaths = documentRoutes satisfies GetStaticPaths;

/** RSS of the substantive changes to one document. */
export const GET: APIRoute = ({ params }) => changesFeed({ platform: params.platform!, document: params.document! });
