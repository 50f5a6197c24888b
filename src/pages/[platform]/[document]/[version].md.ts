import type { APIRoute, GetStaticPaths } from 'astro';
import { findDocument, readVersionBytes } from '../../../data/archive';
import { findVersion, versionRoutes } from '../../../data/views';

export const getStaticPaths = versionRoutes satisfies GetStaticPaths;

/** The recorded text of a version, byte-identical to its git blob. */
export const GET: APIRoute = async ({ params }) => {
  const document = await findDocument(params.platform!, params.document!);
  const { version } = findVersion(document, params.version!);
  return new Response(new Uint8Array(await readVersionBytes(version)), {
    headers: { 'Content-Type': 'text/markdown; charset=utf-8' },
  });
};
