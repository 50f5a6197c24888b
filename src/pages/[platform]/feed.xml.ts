import type { APIRoute, GetStaticPaths } from 'astro';
import { loadArchive } from '../../data/archive';
import { changesFeed } from '../../data/changes';

export const getStaticPaths = (async () =>
  (await loadArchive()).platforms.map((platform) => ({ params: { platform: platform.id } }))) satisfies GetStaticPaths;

/** RSS of the substantive changes to one platform's policies. */
export const GET: APIRoute = ({ params }) => changesFeed({ platform: params.platform! });
