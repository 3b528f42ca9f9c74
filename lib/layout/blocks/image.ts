import type { Content, ContentStack } from 'pdfmake/interfaces';
import type { Asset, ImageBlock } from '../../model/types';
import type { LayoutContext } from '../context';
import { safeUrl, inlinesContent } from '../inlines';
import { keepSpace, keepTogether } from '../keep-together';
import { COLOURS } from '../styles';
import { tagContent } from '../tag';
import { PT_PER_CSS_PX } from '../units';

type ImageSpec = Pick<ImageBlock, 'asset' | 'width' | 'height' | 'alt' | 'src' | 'href' | 'align'>;

/** Last path segment of an image URL, without query, decoded: what the user recognises. */
export function fileNameOf(src: string | undefined, alt?: string): string {
  if (src?.startsWith('data:')) return alt?.trim() || 'embedded image';
  if (src) {
    const path = src.split(/[?#]/)[0] ?? '';
    const last = path.split('/').filter(Boolean).pop();
    if (last && !last.startsWith('data:')) {
      try {
        return decodeURIComponent(last);
      } catch {
        return last;
      }
    }
  }
  return alt?.trim() || 'image';
}

/** SVG text from a data URL (base64 or URL-encoded). */
export function svgText(dataUrl: string): string | undefined {
  const comma = dataUrl.indexOf(',');
  if (!dataUrl.startsWith('data:') || comma < 0) return undefined;
  const meta = dataUrl.slice(5, comma);
  const payload = dataUrl.slice(comma + 1);
  try {
    if (/;base64$/i.test(meta)) {
      const bin = atob(payload);
      const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
      return new TextDecoder().decode(bytes);
    }
    return decodeURIComponent(payload);
  } catch {
    return undefined;
  }
}

function placeholder(spec: ImageSpec, ctx: LayoutContext, inline: boolean): Content {
  const name = fileNameOf(spec.src, spec.alt);
  const alt = spec.alt?.trim();
  // The alt text often says what the picture showed; print it unless it is the file name.
  const label = `Image not available: ${name}${alt && alt !== name ? ` (${alt})` : ''}`;
  return {
    table: {
      widths: inline ? ['auto'] : [Math.min(ctx.width - 14, Math.max(160, ctx.width * 0.5))],
      body: [
        [{ text: label, italics: true, color: COLOURS.placeholder, fontSize: ctx.fontSize * 0.9 }],
      ],
    },
    layout: 'offprintDashed',
    margin: [0, 2, 0, inline ? 2 : ctx.doc.theme.blockGap],
  };
}

/**
 * An image sized like on the page (CSS px -> pt), never wider than the column nor taller than
 * the page; a missing asset becomes a visible placeholder naming the file.
 */
export function imageContent(spec: ImageSpec, ctx: LayoutContext, inline = false): Content {
  const asset: Asset | undefined = spec.asset ? ctx.doc.model.assets[spec.asset] : undefined;
  const mime = asset?.mime.toLowerCase() ?? '';
  const isSvg = mime === 'image/svg+xml';
  if (!asset || !(isSvg || mime === 'image/png' || mime === 'image/jpeg' || mime === 'image/jpg')) {
    return placeholder(spec, ctx, inline);
  }
  const intrinsicW = asset.width > 0 ? asset.width : (spec.width ?? 100);
  const intrinsicH = asset.height > 0 ? asset.height : (spec.height ?? intrinsicW);
  const aspect = intrinsicH / intrinsicW;
  let w = (spec.width ?? (spec.height ? spec.height / aspect : intrinsicW)) * PT_PER_CSS_PX;
  const maxH = Math.min(ctx.doc.geometry.textHeight, ctx.doc.landscape.textHeight) * 0.85;
  w = Math.min(w, ctx.width);
  if (w * aspect > maxH) w = maxH / aspect;
  const h = w * aspect;
  const link = safeUrl(spec.href);
  const extra = {
    ...(link ? { link } : {}),
    ...(spec.align && spec.align !== 'justify' ? { alignment: spec.align } : {}),
  };
  if (isSvg) {
    const svg = svgText(asset.dataUrl);
    if (!svg) return placeholder(spec, ctx, inline);
    return { svg, width: w, height: h, ...extra };
  }
  return { image: imageName(asset.dataUrl, ctx), width: w, height: h, ...extra };
}

/** The image's name in the definition's `images`, registered on first use. */
function imageName(dataUrl: string, ctx: LayoutContext): string {
  const { imageNames } = ctx.doc;
  let name = imageNames.get(dataUrl);
  if (name === undefined) {
    name = `image${imageNames.size + 1}`;
    imageNames.set(dataUrl, name);
  }
  return name;
}

/** Image block: the image, then its caption in small grey italics. */
export function image(block: ImageBlock, ctx: LayoutContext): Content {
  const content = imageContent(block, ctx);
  if (!block.caption || block.caption.length === 0) {
    return { stack: [content], margin: [0, 2, 0, ctx.doc.theme.blockGap] };
  }
  const figure: ContentStack = {
    stack: [
      content,
      tagContent(
        inlinesContent(block.caption, ctx, {
          style: 'caption',
          alignment: block.align && block.align !== 'justify' ? block.align : 'left',
          margin: [0, 3, 0, 0],
        }),
        'Caption',
        ctx,
      ),
    ],
    margin: [0, 2, 0, ctx.doc.theme.blockGap],
  };
  // In the page, layoutBlocks marks the image to be kept with its caption (a page break, which
  // cannot lose anything). Nested, it is kept together with it when both surely fit on a page:
  // a tall image with a long caption kept together would be dropped whole, caption and all.
  return ctx.topLevel ? figure : keepTogether(figure, keepSpace(ctx));
}
