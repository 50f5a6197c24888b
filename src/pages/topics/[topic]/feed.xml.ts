import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { base, site } from 'astro:config/server';
import { DEFAULT_SITE, SITE_TITLE } from '../../../consts';
import { absolute } from '../../../data/links';
import { findTopic, topicFeedItems, topicRoutes } from '../../../data/topics';
import { feedItemToRssItem } from '../../../lib/feeds/items';
import { topicPath } from '../../../lib/paths';

export const getStaticPaths = topicRoutes satisfies GetStaticPaths;

/** RSS of substantive changes to provisions on one topic. */
export const GET: APIRoute = async ({ params }) => {
  const topic = findTopic(params.topic!);
  const items = await topicFeedItems(topic.id, { site: site ?? DEFAULT_SITE, base });
  return rss({
    title: `${SITE_TITLE}: ${topic.title}`,
    description: `Substantive changes to provisions on ${topic.title.toLowerCase()}, across platforms.`,
    site: absolute(topicPath(topic.id)),
    items: items.map(feedItemToRssItem),
  });
};
