import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { base, site } from 'astro:config/server';
import { SITE_TITLE } from '../../../consts';
import { absolute } from '../../../data/links';
import { findTopic, topicFeedItems, topicRoutes } from '../../../data/topics';
import { topicPath } from '../../../lib/paths';

export const getStaticPaths = topicRoutes satisfies GetStaticPaths;

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** RSS of substantive changes to provisions on one topic. */
export const GET: APIRoute = async ({ params }) => {
  const topic = findTopic(params.topic!);
  const items = await topicFeedItems(topic.id, { site: site ?? 'http://127.0.0.1:4321', base });
  return rss({
    title: `${SITE_TITLE}: ${topic.title}`,
    description: `Substantive changes to provisions on ${topic.title.toLowerCase()}, across platforms.`,
    site: absolute(topicPath(topic.id)),
    // @astrojs/rss makes the link the GUID; the GUID must be the version permalink, which never changes.
    items: items.map((item) => ({
      title: item.title,
      link: item.link,
      pubDate: item.pubDate,
      description: item.description,
      categories: item.categories,
      customData: `<guid isPermaLink="true">${escapeXml(item.guid)}</guid>`,
    })),
  });
};
