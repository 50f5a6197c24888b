import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FEED_ITEM_LIMIT, OTHER_PLATFORMS_SHOWN, TOPIC_QUOTE_CHARS } from '../consts';
import { provisionTextId, type DocumentEntry } from '../lib/archive/index-archive';
import { changeToFeedItem, selectFeedItems, type FeedChange, type FeedItem, type FeedSite } from '../lib/feeds/items';
import { provisionPath, topicPath } from '../lib/paths';
import { splitProvisions, type Provision } from '../lib/provisions/split';
import { renderTrackedMarkdown } from '../lib/render/markdown';
import { excerptMarkdown } from '../lib/topics/excerpt';
import { loadTopics, type Topic } from '../lib/topics/load';
import { TOPIC_GROUP_TITLES, TOPIC_GROUPS } from '../lib/topics/schema';
import { otherPlatformsOf, samplePlatforms, type PlatformSample } from '../lib/topics/other-platforms';
import { applyTopicOverrides, tagProvision, type TopicTag } from '../lib/topics/tag';
import { cacheKey } from '../lib/cache/disk-cache';
import { documentsWithThisShareFirst, loadArchive, provisionEventText, readVersionText, versionBody } from './archive';
import { derivedDisk } from './cache';
import { provisionTitle } from '../lib/provisions/heading';
import { loadAnalyses, provisionKey } from './provisions';
import { routesOfThisShard } from './shard';

/** Shapes topic tags of the archive's provisions into the topic pages, the topic feeds and the search filters. */

/** The topic taxonomy and its rules. Lives in content/topics.yml of this repository, whatever archive is built. */
export const TOPICS_FILE = resolve('content/topics.yml');

let topics: Topic[] | undefined;

/** The topics of content/topics.yml, read once per build. */
export function loadTopicList(): Topic[] {
  topics ??= loadTopics(TOPICS_FILE);
  return topics;
}

/** A topic by id; the build fails loudly if a route asks for one that does not exist. */
export function findTopic(id: string): Topic {
  const topic = loadTopicList().find((t) => t.id === id);
  if (!topic) throw new Error(`No topic "${id}" in ${TOPICS_FILE}.`);
  return topic;
}

/** A provision with the topics found in it. */
export interface TaggedProvision {
  platform: string;
  platformName: string;
  document: string;
  documentTitle: string;
  id: string;
  heading: string;
  /** Its Markdown in the latest version; null when it is no longer current (its last recorded text is tagged, not kept). */
  text: string | null;
  /** In the latest version of a document that is still tracked. */
  current: boolean;
  tags: TopicTag[];
}

let tagged: Promise<Map<string, TaggedProvision>> | undefined;
const EMPTY_TEXT_ID = provisionTextId('');

/**
 * Every provision of the archive with its topics, by provision key, tagged once per build: current
 * provisions from the latest version of their document (heading and body as the splitter cuts them),
 * removed ones from their last recorded text. The topics an analysis states replace the tagger's.
 */
export function loadTaggedProvisions(): Promise<Map<string, TaggedProvision>> {
  tagged ??= tagArchive();
  return tagged;
}

/** Bump when tagProvision's results change, so tags cached by older code are not reused. */
const TAGS_FORMAT = 1;

/**
 * The tags of every provision of a document by id, before the overrides of analyses: from the cache
 * when the topic rules and the texts tagged are the same as when they were stored (tagging runs every
 * rule over every text: 26 s per build on the contrib collection), else tagged and stored.
 */
function documentTags(document: DocumentEntry, current: Map<string, Provision>, topicList: Topic[], rules: string): Map<string, TopicTag[]> {
  // A provision that is no longer current is tagged by the last text it had.
  const lastEvents = document.provisions.map((history) => history.events.findLast((event) => event.textId !== EMPTY_TEXT_ID));
  const key = cacheKey(
    'provision-tags',
    TAGS_FORMAT,
    rules,
    document.removedAt ? 'untracked' : document.latest.blob,
    ...document.provisions.map((history, index) => `${history.id}\0${history.heading}\0${lastEvents[index]?.textId ?? ''}`),
  );
  const cached = derivedDisk.get(key);
  if (cached !== null) return new Map(JSON.parse(cached) as [string, TopicTag[]][]);
  const tags = new Map<string, TopicTag[]>();
  document.provisions.forEach((history, index) => {
    const last = lastEvents[index];
    tags.set(history.id, tagProvision(current.get(history.id) ?? { heading: history.heading, body: last ? provisionEventText(last) : '' }, topicList));
  });
  derivedDisk.set(key, JSON.stringify([...tags]));
  return tags;
}

interface TaggingContext {
  topicList: Topic[];
  rules: string;
  overrides: Map<string, string[] | undefined>;
}

/** A document's provisions with their topics: the current ones in the order of its latest version, then the removed ones. */
async function tagDocument(document: DocumentEntry, { topicList, rules, overrides }: TaggingContext): Promise<TaggedProvision[]> {
  const base = {
    platform: document.platform,
    platformName: document.platformName,
    document: document.document,
    documentTitle: document.title,
  };
  const current = new Map<string, Provision>();
  if (!document.removedAt) {
    const body = versionBody(await readVersionText(document.latest), document.latest);
    // The archive index split the same body: its anchors give the lineage ids in the same order.
    splitProvisions(body).forEach((provision, index) => current.set(document.latest.provisions[index]!.id, provision));
  }
  const tags = documentTags(document, current, topicList, rules);
  const tagsOf = (id: string) => applyTopicOverrides(tags.get(id)!, overrides.get(provisionKey(document.platform, document.document, id)), topicList);
  const provisions: TaggedProvision[] = [];
  for (const [id, provision] of current) {
    provisions.push({ ...base, id, heading: provision.heading, text: provision.text, current: true, tags: tagsOf(id) });
  }
  for (const history of document.provisions) {
    if (!current.has(history.id)) provisions.push({ ...base, id: history.id, heading: history.heading, text: null, current: false, tags: tagsOf(history.id) });
  }
  return provisions;
}

// Documents are tagged this build's share first (the other builds tag theirs into the cache
// meanwhile), and listed in the archive's order, which topic pages and samples of platforms follow.
async function tagArchive(): Promise<Map<string, TaggedProvision>> {
  const context: TaggingContext = {
    topicList: loadTopicList(),
    rules: cacheKey(readFileSync(TOPICS_FILE, 'utf8')),
    overrides: new Map([...(await loadAnalyses())].map(([key, view]) => [key, view.data.topics])),
  };
  const byDocument = new Map<DocumentEntry, TaggedProvision[]>();
  for (const document of await documentsWithThisShareFirst()) byDocument.set(document, await tagDocument(document, context));
  const result = new Map<string, TaggedProvision>();
  for (const document of (await loadArchive()).documents) {
    for (const provision of byDocument.get(document)!) result.set(provisionKey(provision.platform, provision.document, provision.id), provision);
  }
  return result;
}

/** A topic as a link. */
export interface TopicLink {
  id: string;
  title: string;
  path: string;
}

const topicToLink = (topic: Topic): TopicLink => ({ id: topic.id, title: topic.title, path: topicPath(topic.id) });

/** The topics of one provision, best match first. */
export async function provisionTopics(platform: string, document: string, provision: string): Promise<TopicLink[]> {
  const found = (await loadTaggedProvisions()).get(provisionKey(platform, document, provision));
  return (found?.tags ?? []).map((tag) => topicToLink(findTopic(tag.topic)));
}

/** The titles of the topics of a document's current provisions, in the order of the topics file: its search filter values. */
export async function documentTopicTitles(document: DocumentEntry): Promise<string[]> {
  const found = new Set<string>();
  for (const provision of (await loadTaggedProvisions()).values()) {
    if (provision.current && provision.platform === document.platform && provision.document === document.document) {
      for (const tag of provision.tags) found.add(tag.topic);
    }
  }
  return loadTopicList()
    .filter((topic) => found.has(topic.id))
    .map((topic) => topic.title);
}

/** A current provision on a topic, as topic pages and "How other platforms handle this" link it. */
export interface TopicProvision {
  platform: string;
  platformName: string;
  documentTitle: string;
  heading: string;
  path: string;
}

const currentByTopic = new Map<string, Promise<TaggedProvision[]>>();

// Every provision page asks for other platforms on its topics: the current provisions of a topic are listed once.
function currentProvisionsOn(topicId: string): Promise<TaggedProvision[]> {
  let provisions = currentByTopic.get(topicId);
  if (!provisions) {
    provisions = loadTaggedProvisions().then((tagged) =>
      [...tagged.values()].filter((provision) => provision.current && provision.tags.some((tag) => tag.topic === topicId)),
    );
    currentByTopic.set(topicId, provisions);
  }
  return provisions;
}

const toTopicProvision = (provision: TaggedProvision): TopicProvision => ({
  platform: provision.platform,
  platformName: provision.platformName,
  documentTitle: provision.documentTitle,
  heading: provisionTitle(provision),
  path: provisionPath(provision.platform, provision.document, provision.id),
});

const platformsByTopic = new Map<string, Promise<PlatformSample<TopicProvision>>>();

// Every provision page names other platforms on its topics: a topic's platforms are sampled once.
function platformsOn(topicId: string): Promise<PlatformSample<TopicProvision>> {
  let sample = platformsByTopic.get(topicId);
  if (!sample) {
    sample = currentProvisionsOn(topicId).then((provisions) => samplePlatforms(provisions.map(toTopicProvision), OTHER_PLATFORMS_SHOWN));
    platformsByTopic.set(topicId, sample);
  }
  return sample;
}

/**
 * For each topic of a provision, a provision of each of up to OTHER_PLATFORMS_SHOWN other platforms
 * with that topic, and how many other platforms the topic page lists beyond those.
 */
export async function otherPlatformsHandling(platform: string, document: string, provision: string) {
  const links = await provisionTopics(platform, document, provision);
  return Promise.all(
    links.map(async (topic) => {
      const { items, more } = otherPlatformsOf(await platformsOn(topic.id), platform, OTHER_PLATFORMS_SHOWN);
      return { topic, provisions: items, more };
    }),
  );
}

/** How many platforms (with at least one tracked document) have a current provision on a topic. */
async function adoption(topicId: string): Promise<{ found: number; total: number }> {
  const archive = await loadArchive();
  const total = archive.platforms.filter((platform) => platform.documents.some((d) => !d.removedAt)).length;
  const found = new Set((await currentProvisionsOn(topicId)).map((provision) => provision.platform)).size;
  return { found, total };
}

/** Every topic with its adoption count, in the order of the topics file. */
export async function topicIndex() {
  const topics = await Promise.all(
    loadTopicList().map(async (topic) => ({ ...topicToLink(topic), description: topic.description, group: topic.group, ...(await adoption(topic.id)) })),
  );
  return TOPIC_GROUPS.map((group) => ({ id: group, title: TOPIC_GROUP_TITLES[group], topics: topics.filter((topic) => topic.group === group) }));
}

/** Route params of every topic page and feed this build renders. */
export function topicRoutes() {
  return routesOfThisShard(loadTopicList().map((topic) => ({ params: { topic: topic.id } })));
}

/**
 * "How platforms handle <topic>": per platform (in the archive's order), its best-matching current
 * provision on the topic quoted up to TOPIC_QUOTE_CHARS, and its other ones as links, so the page
 * grows with the number of platforms, not with the length of their provisions.
 */
export async function topicPageView(topicId: string) {
  const topic = findTopic(topicId);
  const scoreOn = (provision: TaggedProvision) => provision.tags.find((tag) => tag.topic === topicId)!.score;
  const byPlatform = Map.groupBy(await currentProvisionsOn(topicId), (provision) => provision.platform);
  const platforms = (await loadArchive()).platforms.flatMap((platform) => {
    const [best, ...others] = (byPlatform.get(platform.id) ?? []).sort((a, b) => scoreOn(b) - scoreOn(a));
    if (!best) return [];
    const excerpt = excerptMarkdown(best.text ?? '', TOPIC_QUOTE_CHARS);
    return [
      {
        id: platform.id,
        name: platform.name,
        quoted: { ...toTopicProvision(best), html: renderTrackedMarkdown(excerpt.text), truncated: excerpt.truncated },
        others: others.map(toTopicProvision),
      },
    ];
  });
  return { topic: topicToLink(topic), description: topic.description, ...(await adoption(topicId)), platforms };
}

/**
 * The feed items of a topic: substantive changes that added, removed or modified a provision with that
 * topic, newest first, at most FEED_ITEM_LIMIT. Each links to the change page; its GUID is the version
 * permalink (src/lib/feeds/items.ts).
 */
export async function topicFeedItems(topicId: string, site: FeedSite): Promise<FeedItem[]> {
  const tags = await loadTaggedProvisions();
  const changes: (FeedChange & { provisions: string[] })[] = [];
  for (const document of (await loadArchive()).documents) {
    for (const version of document.versions) {
      const summary = version.change;
      if (!summary || summary.kind !== 'substantive') continue;
      const touched = [...summary.provisionsAdded, ...summary.provisionsRemoved, ...summary.provisionsModified].filter((ref) =>
        tags.get(provisionKey(document.platform, document.document, ref.id))?.tags.some((tag) => tag.topic === topicId),
      );
      if (!touched.length) continue;
      changes.push({
        platform: document.platform,
        platformName: document.platformName,
        document: document.document,
        documentType: document.title,
        version: version.stamp,
        capturedAt: version.capturedAt,
        summary,
        provisions: touched.map(provisionTitle),
      });
    }
  }
  return selectFeedItems(changes, FEED_ITEM_LIMIT).map((change) => {
    const item = changeToFeedItem(change, site);
    return { ...item, title: `${item.title}: ${change.provisions.join('; ')}` };
  });
}
