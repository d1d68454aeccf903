/**
 * Inline SVG charts for the HTML report: plain strings, no library and no script, so the report works
 * offline and prints. Colours come from a red-blue diverging scale (ColorBrewer RdBu), readable with the
 * common colour-vision deficiencies, and every cell and bar also carries its number as text.
 */

export const escapeHtml = (text: string): string =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

type Rgb = [number, number, number];
const SCALE: Rgb[] = [
  [0xb2, 0x18, 0x2b],
  [0xef, 0x8a, 0x62],
  [0xfd, 0xdb, 0xc7],
  [0xd1, 0xe5, 0xf0],
  [0x67, 0xa9, 0xcf],
  [0x21, 0x66, 0xac],
];
export const NOT_APPLICABLE_FILL = '#ffffff';
const NOT_APPLICABLE_STROKE = 'stroke="#9a9a9a" stroke-dasharray="5 4" stroke-width="1.5"';

const hex = (c: Rgb): string => `#${c.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;

/** The fill for a share met in [0, 1]: red when little is met, blue when all is. */
export function shareColour(share: number): string {
  const t = Math.min(1, Math.max(0, share)) * (SCALE.length - 1);
  const i = Math.min(SCALE.length - 2, Math.floor(t));
  const f = t - i;
  const a = SCALE[i]!;
  const b = SCALE[i + 1]!;
  return hex([a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f, a[2] + (b[2] - a[2]) * f]);
}

/** Black or white, whichever contrasts more with the fill (WCAG relative luminance). */
export function textColourOn(fill: string): string {
  const channel = (i: number): number => {
    const v = parseInt(fill.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
  return (luminance + 0.05) / 0.05 > 1.05 / (luminance + 0.05) ? '#111111' : '#ffffff';
}

export interface Cell {
  met: number;
  applicable: number;
}

/** A rows × columns grid coloured by met/applicable, each cell labelled "met/applicable" and its share. */
export function heatMap(
  rows: readonly string[],
  columns: readonly string[],
  cell: (row: number, col: number) => Cell,
  title: string,
): string {
  const labelW = 150;
  const cellW = 170;
  const cellH = 64;
  const headH = 28;
  const width = labelW + columns.length * cellW;
  const height = headH + rows.length * cellH;
  const parts: string[] = [
    `<svg class="chart" role="img" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">`,
    `<title>${escapeHtml(title)}</title>`,
  ];
  columns.forEach((c, j) => {
    parts.push(
      `<text x="${labelW + j * cellW + cellW / 2}" y="18" text-anchor="middle" class="axis">${escapeHtml(c)}</text>`,
    );
  });
  rows.forEach((r, i) => {
    const y = headH + i * cellH;
    parts.push(
      `<text x="${labelW - 10}" y="${y + cellH / 2 + 5}" text-anchor="end" class="axis">${escapeHtml(r)}</text>`,
    );
    columns.forEach((c, j) => {
      const { met, applicable } = cell(i, j);
      const x = labelW + j * cellW;
      const fill = applicable === 0 ? NOT_APPLICABLE_FILL : shareColour(met / applicable);
      const ink = textColourOn(fill);
      const label = applicable === 0 ? 'n/a' : `${met}/${applicable}`;
      const share = applicable === 0 ? 'nothing applies' : `${Math.round((100 * met) / applicable)}% met`;
      parts.push(
        `<g><title>${escapeHtml(`${r}, ${c}: ${label} (${share})`)}</title>`,
        `<rect x="${x + 2}" y="${y + 2}" width="${cellW - 4}" height="${cellH - 4}" rx="6" fill="${fill}"${applicable === 0 ? ` ${NOT_APPLICABLE_STROKE}` : ''}/>`,
        `<text x="${x + cellW / 2}" y="${y + cellH / 2 - 2}" text-anchor="middle" class="cell" fill="${ink}">${label}</text>`,
        `<text x="${x + cellW / 2}" y="${y + cellH / 2 + 16}" text-anchor="middle" class="cellsub" fill="${ink}">${share}</text></g>`,
      );
    });
  });
  parts.push('</svg>');
  return parts.join('');
}

/** Cuts a label to about what fits in `width` pixels at the chart's 13px font. */
export function fitLabel(label: string, width: number): string {
  const max = Math.max(4, Math.floor(width / 7.2));
  return label.length <= max ? label : `${label.slice(0, max - 1)}…`;
}

export interface Bar {
  label: string;
  met: number;
  /** Applicable (or covered) count: the light part of the bar. */
  of: number;
  /** The whole the bar is drawn against; defaults to `of`. Frameworks use their requirement total. */
  total?: number;
  /** Text at the bar's end; defaults to "met/of". */
  note?: string;
}

/** Horizontal bars: dark for met, light for the rest of `of`, grey for `total` beyond `of`, each with its numbers. */
export function barChart(
  bars: readonly Bar[],
  title: string,
  opts: { labelWidth?: number; barWidth?: number; noteWidth?: number } = {},
): string {
  const labelW = opts.labelWidth ?? 230;
  const barW = opts.barWidth ?? 380;
  const noteW = opts.noteWidth ?? 150;
  const rowH = 26;
  const width = labelW + barW + noteW;
  const height = Math.max(rowH, bars.length * rowH) + 4;
  const parts: string[] = [
    `<svg class="chart" role="img" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">`,
    `<title>${escapeHtml(title)}</title>`,
  ];
  bars.forEach((bar, i) => {
    const y = i * rowH + 2;
    const whole = Math.max(bar.total ?? bar.of, 0);
    const scale = whole === 0 ? 0 : barW / whole;
    const metW = bar.met * scale;
    const ofW = bar.of * scale;
    const share = bar.of === 0 ? undefined : bar.met / bar.of;
    const note = bar.note ?? (bar.of === 0 ? 'n/a' : `${bar.met}/${bar.of} (${Math.round(100 * share!)}%)`);
    parts.push(
      `<g><title>${escapeHtml(`${bar.label}: ${note}`)}</title>`,
      `<text x="${labelW - 8}" y="${y + 16}" text-anchor="end" class="axis">${escapeHtml(fitLabel(bar.label, labelW - 12))}</text>`,
      `<rect x="${labelW}" y="${y + 3}" width="${barW}" height="${rowH - 8}" rx="3" fill="#f2f2f2"/>`,
    );
    if (bar.of > 0) {
      parts.push(
        `<rect x="${labelW}" y="${y + 3}" width="${ofW.toFixed(1)}" height="${rowH - 8}" rx="3" fill="#d1e5f0" stroke="#67a9cf" stroke-width="0.5"/>`,
      );
      parts.push(
        `<rect x="${labelW}" y="${y + 3}" width="${metW.toFixed(1)}" height="${rowH - 8}" rx="3" fill="${share === 1 ? '#2166ac' : '#4393c3'}"/>`,
      );
    }
    parts.push(`<text x="${labelW + barW + 8}" y="${y + 16}" class="note">${escapeHtml(note)}</text></g>`);
  });
  parts.push('</svg>');
  return parts.join('');
}

/** A small legend for the heat map's colours. */
export function legend(): string {
  const steps = [0, 0.25, 0.5, 0.75, 1];
  const parts = [
    `<svg class="legend" role="img" viewBox="0 0 420 24" width="420" height="24" xmlns="http://www.w3.org/2000/svg"><title>Colour scale: share of applicable controls met</title>`,
  ];
  steps.forEach((s, i) => {
    parts.push(`<rect x="${i * 70}" y="2" width="66" height="18" rx="3" fill="${shareColour(s)}"/>`);
    parts.push(
      `<text x="${i * 70 + 33}" y="15" text-anchor="middle" class="legendtext" fill="${textColourOn(shareColour(s))}">${s * 100}%</text>`,
    );
  });
  parts.push(
    `<rect x="351" y="3" width="64" height="16" rx="3" fill="${NOT_APPLICABLE_FILL}" ${NOT_APPLICABLE_STROKE}/><text x="383" y="15" text-anchor="middle" class="legendtext" fill="#111111">n/a</text></svg>`,
  );
  return parts.join('');
}
