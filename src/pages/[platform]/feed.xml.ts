import type { APIRoute, GetStaticPaths } from 'astro';
import { changesFeed } from '../../data/changes';
import { platformRoutes } from '../../data/views';

export const getStaticPaths = platformRoutes satisfies GetStaticPaths;

/** RSS of the substantive changes to one platform's policies. */
export const GET: APIRoute = ({ params }) => changesFeed({ platform: params.platform! });
