/**
 * Writes a chart scene (chartLayout.ts) as SVG. Two flavours of the same picture:
 * - themeable (the preview and the HTML export): text and grid lines use `currentColor`, so
 *   they follow the page's foreground in any VS Code theme; every shape has a class
 *   (`chart-color-N`, `chart-grid`, …) that a stylesheet may restyle with `--vscode-*`
 *   variables. No `<style>` element and no `style` attribute: the webview's CSP has no
 *   `'unsafe-inline'` for styles.
 * - standalone (Markdown data URI, Word): fixed light colours, a white background and a CJK
 *   font stack, because there is no page around it to inherit from.
 * Presentation attributes carry the colours in both, so the SVG renders without any CSS.
 */
import { escapeXml } from './escape';
import { lightColor, type Chart, type ChartShape, type Paint } from './chartLayout';

export interface SvgOptions {
  standalone?: boolean;
}

const CHART_FONT_STACK = 'PingFang SC, Microsoft YaHei, Noto Sans CJK SC, Source Han Sans SC, sans-serif';

/** Numbers with at most two decimals and no trailing zeros: stable text for the same layout. */
function num(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/** `fill`/`stroke` value plus an opacity attribute for the themeable flavour. */
function paintAttrs(attr: 'fill' | 'stroke', paint: Paint, standalone: boolean): string {
  if (standalone || typeof paint === 'number' || paint === 'on-bar' || paint === 'deadline') return `${attr}="${lightColor(paint)}"`;
  const opacity = { text: 1, muted: 0.75, grid: 0.25, track: 0.1 }[paint];
  return `${attr}="currentColor"${opacity < 1 ? ` ${attr}-opacity="${opacity}"` : ''}`;
}

function shapeSvg(s: ChartShape, standalone: boolean): string {
  switch (s.kind) {
    case 'rect':
      return `<rect class="${s.className}" x="${num(s.x)}" y="${num(s.y)}" width="${num(s.width)}" height="${num(s.height)}" ${paintAttrs('fill', s.fill, standalone)}/>`;
    case 'line':
      return `<line class="${s.className}" x1="${num(s.x1)}" y1="${num(s.y1)}" x2="${num(s.x2)}" y2="${num(s.y2)}" ${paintAttrs('stroke', s.stroke, standalone)} stroke-width="1"${s.dashed ? ' stroke-dasharray="4 3"' : ''}/>`;
    case 'text': {
      const anchor = s.anchor && s.anchor !== 'start' ? ` text-anchor="${s.anchor}"` : '';
      const weight = s.bold ? ' font-weight="bold"' : '';
      return `<text class="${s.className}" x="${num(s.x)}" y="${num(s.y)}" font-size="${s.size}"${anchor}${weight} ${paintAttrs('fill', s.fill, standalone)}>${escapeXml(s.text)}</text>`;
    }
  }
}

export function chartToSvg(chart: Chart, options: SvgOptions = {}): string {
  const standalone = options.standalone ?? false;
  // Inline in HTML the parser puts <svg> in the SVG namespace itself; a standalone file needs xmlns.
  const open =
    `<svg${standalone ? ' xmlns="http://www.w3.org/2000/svg"' : ''} class="chart-svg chart-svg-${chart.kind}" width="${chart.width}" height="${num(chart.height)}" ` +
    `viewBox="0 0 ${chart.width} ${num(chart.height)}" role="img" aria-label="${escapeXml(chart.description)}"` +
    (standalone ? ` font-family="${CHART_FONT_STACK}"` : '') +
    '>';
  const parts = [open, `<title>${escapeXml(chart.title)}</title>`];
  // A dark Markdown viewer would otherwise show dark text on a transparent, dark image.
  if (standalone) parts.push(`<rect class="chart-background" x="0" y="0" width="${chart.width}" height="${num(chart.height)}" fill="#ffffff"/>`);
  for (const shape of chart.shapes) parts.push(shapeSvg(shape, standalone));
  parts.push('</svg>');
  return parts.join('\n');
}
