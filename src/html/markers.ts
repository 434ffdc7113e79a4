/**
 * What an element's `class` and `id` (and a box's first words) say about it. Words are matched
 * on the marker with separators squeezed out (`tin-lien-quan`, `tin_lien_quan`, `tinlienquan`
 * are one word), short words only as whole tokens (`qc` in `block-qc-right`, not in `aqcb`).
 * These are weights and hints for the content scorer (`content.ts`), not site selectors.
 */
import type { Element } from 'domhandler';

/** Boxes that are never the article: removed before scoring and from the content. */
const UNLIKELY_SQUEEZED = new RegExp(
  [
    'comment', 'binhluan', 'ykienbandoc', 'related', 'relation', 'relate', 'lienquan', 'tinkhac', 'othernews', 'morenews',
    'cungchuyenmuc', 'cungchude', 'docnhieu', 'xemnhieu', 'mostread', 'mostview', 'mostpopular', 'tinnong', 'tinmoi', 'tinnoibat', 'noibat',
    'xemthem', 'docthem', 'readmore', 'listnews', 'quangcao', 'advert', 'banner', 'sponsor', 'promo', 'social', 'sharing', 'share',
    'breadcrumb', 'footer', 'header', 'masthead', 'navbar', 'menu', 'newsletter', 'subscribe', 'popup', 'cookie', 'gdpr', 'outbrain',
    'taboola', 'disqus', 'pagination', 'pager', 'raovat', 'classified', 'authorbox', 'toolbar', 'rating', 'login', 'signup',
    'widget', 'tagslist', 'listtag', 'boxtag', 'keyword', 'tukhoa', 'hotline', 'ticker',
  ].join('|'),
);
const UNLIKELY_TOKEN = /^(?:qc\w{0,8}|\w{1,8}qc|ads?\d*|adv\w*|cmts?|nav|tags?|print|rss|audio|video|player)$/;
/** Columns beside the article (VnExpress's main column is `sidebar-1`, so these only weigh). */
const SIDE_SQUEEZED = /sidebar|sidebox|rightside|sideright|rightcol|colright|stock|market|chungkhoan|meta|extra|media/;
const SIDE_TOKEN = /^(?:side|aside|col\d{2,3}|right\d*|r\d?col)$/;
const POSITIVE_SQUEEZED = /article|content|detail|entry|story|noidung|chitiet|fck|singular|post(?!er)|newsbody|bodytext/;
const POSITIVE_TOKEN = /^(?:main|body|text|news)$/;
/** A lead (sapo) outside the body: `h2.sapo`, `p.description`, `.detail-sapo`, `.summary` … */
const LEAD_SQUEEZED = /sapo|description|summary|excerpt|chapeau|tomtat|teaser|standfirst|abstract/;
const LEAD_TOKEN = /^(?:lead|lede|intro|desc|subtitle)$/;
/** Captions and photo credits: `PhotoCMS_Caption`, `image_desc`, `chu-thich`, `expNoEdit`. */
const CAPTION_SQUEEZED = /caption|chuthich|imagedesc|imgdesc|photodesc|picdesc|descimg|descimage|descphoto|expnoedit|photocredit/;
const CAPTION_TOKEN = /^(?:image|img|photo|picture|pic|hinh|anh)$/;

export interface Marker {
  squeezed: string;
  tokens: string[];
}

export function markerOf(e: Element): Marker | null {
  const raw = `${e.attribs.class ?? ''} ${e.attribs.id ?? ''}`.toLowerCase();
  if (!/[a-z]/.test(raw)) return null;
  const tokens = raw.split(/[^a-z0-9]+/).filter(Boolean);
  return { squeezed: tokens.join(''), tokens };
}

export function isUnlikely(m: Marker | null): boolean {
  return !!m && (UNLIKELY_SQUEEZED.test(m.squeezed) || m.tokens.some((t) => UNLIKELY_TOKEN.test(t)));
}

/** −50 never-the-article, −25 beside it, +25 content-like (both may add up). */
export function classWeight(m: Marker | null): number {
  if (!m) return 0;
  let w = 0;
  if (isUnlikely(m)) w -= 50;
  else if (SIDE_SQUEEZED.test(m.squeezed) || m.tokens.some((t) => SIDE_TOKEN.test(t))) w -= 25;
  if (POSITIVE_SQUEEZED.test(m.squeezed) || m.tokens.some((t) => POSITIVE_TOKEN.test(t))) w += 25;
  return w;
}

export function isLeadMarker(m: Marker | null): boolean {
  return !!m && (LEAD_SQUEEZED.test(m.squeezed) || m.tokens.some((t) => LEAD_TOKEN.test(t))) && !CAPTION_SQUEEZED.test(m.squeezed);
}

export function isCaptionMarker(m: Marker | null): boolean {
  return !!m && (CAPTION_SQUEEZED.test(m.squeezed) || m.tokens.some((t) => CAPTION_TOKEN.test(t)));
}

/**
 * The title of a box that is not the article (`Tin liên quan`, `Đọc nhiều`, `Quảng cáo` …),
 * as its first words: what a reader sees, whatever the class names are (`dt-text-sm`).
 */
const BOX_TITLE = new RegExp(
  '^(?:' +
    [
      '(?:các )?(?:tin|bài|tin tức|bài viết)(?: liên quan| cùng chuyên mục| cùng chủ đề| khác| mới| mới nhất| mới cập nhật| nóng| nổi bật| đọc nhiều| xem nhiều| đã đưa| cũ hơn| tài trợ| rao vặt| ảnh| video)',
      'liên quan', 'cùng chuyên mục', 'cùng chủ đề', 'mới nhất', 'đọc nhiều(?: nhất)?', 'xem nhiều(?: nhất)?', 'có thể bạn (?:quan tâm|muốn xem|chưa đọc)',
      'bạn có thể quan tâm', 'xem thêm', 'đọc thêm', 'xem tiếp', 'quảng cáo', 'qc', 'tài trợ', 'nội dung tài trợ', 'rao vặt', 'bình luận', 'ý kiến bạn đọc',
      'ý kiến của bạn', 'gửi bình luận', 'theo dòng sự kiện', 'dòng sự kiện', 'tiêu điểm', 'từ khóa', 'tags?', 'chia sẻ',
    ].join('|') +
    ')(?:\\s*\\(\\d+\\))?\\s*[:»›>]?$',
  'u',
);

export function isBoxTitle(text: string): boolean {
  const t = text.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
  return t.length > 0 && t.length <= 40 && BOX_TITLE.test(t);
}
