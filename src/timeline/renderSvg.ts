/**
 * The timeline picture as SVG text: one lane per session over virtual time, grouped by server, with
 * connect marks, activity ticks, idle stretches, open files, and the end with its reason; server marks
 * (service stopped or crashed, faults fired) as vertical lines. Pure and deterministic: the same events
 * give the same bytes. Every element a reader may want to find carries a class (`lane`, `session`,
 * `idle`, `file`, `mark connect`, `mark activity`, `mark close`, `server-mark`) and data attributes.
 */
import type { EmulatorEvent } from "../runtime/events.js";
import { formatDuration } from "../time/duration.js";
import { buildTimeline, type Timeline, type TimelineLane, type TimelineOptions } from "./timelineModel.js";

/** Options of {@link renderTimelineSvg}. */
export interface TimelineSvgOptions extends TimelineOptions {
  /** Title above the picture; default "Sessions over virtual time". */
  readonly title?: string;
  /** Width in pixels; default 960 (at least 480). */
  readonly width?: number;
  /** Shortest gap between two activities drawn as an idle stretch, ms; default 60 000. */
  readonly minIdleMs?: number;
}

const LABEL_WIDTH = 230;
const RIGHT = 150;
const TOP = 56;
const LANE = 30;
const SERVER_ROW = 22;
const TICK_STEPS = [1, 5, 10, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400].map(
  (s) => s * 1000,
);

/** Escapes text for XML content and attribute values; drops the control characters XML 1.0 cannot carry. */
export function escapeXml(text: string): string {
  let out = "";
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x20 && ch !== "\t" && ch !== "\n" && ch !== "\r") continue;
    if (code === 0xfffe || code === 0xffff || (code >= 0xd800 && code <= 0xdfff)) continue;
    out += ch === "&" || ch === "<" || ch === ">" || ch === '"' || ch === "'" ? `&#${code};` : ch;
  }
  return out;
}

const STYLE = `
    text { font-family: DejaVu Sans, Arial, sans-serif; font-size: 11px; fill: #222; }
    .title { font-size: 15px; font-weight: bold; }
    .axis line { stroke: #ccc; }
    .axis text, .legend text { fill: #555; }
    .server-row text { font-weight: bold; }
    .session { fill: #cfe3f7; stroke: #5b8fc7; }
    .idle { fill: url(#idle-hatch); stroke: none; }
    .file { fill: #f0a33a; }
    .mark.connect { fill: #2e7d32; }
    .mark.activity { stroke: #1b4f8a; stroke-width: 1.5; }
    .mark.close { fill: #c62828; }
    .reason { fill: #c62828; }
    .server-mark line { stroke: #8e24aa; stroke-dasharray: 4 3; }
    .server-mark text { fill: #8e24aa; }`;

/** Time-axis tick step: the smallest listed step that gives at most 10 ticks. */
function tickStep(span: number): number {
  return TICK_STEPS.find((step) => span / step <= 10) ?? Math.ceil(span / 10 / 86_400_000) * 86_400_000;
}

function clockText(ms: number, seconds: boolean): string {
  const iso = new Date(ms).toISOString();
  return seconds ? iso.slice(11, 19) : iso.slice(11, 16);
}

function laneSvg(
  lane: TimelineLane,
  y: number,
  x: (t: number) => number,
  to: number,
  minIdle: number,
): string {
  const parts: string[] = [];
  const end = lane.end ?? to;
  const mid = y + LANE / 2;
  const attrs = `data-server="${escapeXml(lane.server)}" data-session="${escapeXml(lane.session)}" data-user="${escapeXml(lane.user)}" data-client="${escapeXml(lane.client)}"`;
  parts.push(`<g class="lane" ${attrs}>`);
  parts.push(`<text x="8" y="${mid + 4}">${escapeXml(`${lane.session}`)}</text>`);
  const x0 = x(lane.start);
  const width = Math.max(1, x(end) - x0);
  parts.push(`<rect class="session" x="${x0}" y="${y + 6}" width="${width}" height="${LANE - 12}" rx="3"/>`);
  // Idle stretches: gaps between client requests (connect, activity, the end) of at least minIdle.
  const instants = [lane.start, ...lane.activity, end];
  for (let i = 1; i < instants.length; i++) {
    const a = instants[i - 1] as number;
    const b = instants[i] as number;
    if (b - a < minIdle) continue;
    parts.push(
      `<rect class="idle" x="${x(a) + 1}" y="${y + 9}" width="${Math.max(0, x(b) - x(a) - 2)}" height="${LANE - 18}" data-ms="${b - a}"><title>idle ${formatDuration(b - a)}</title></rect>`,
    );
  }
  for (const file of lane.files) {
    const fx = x(file.from);
    parts.push(
      `<rect class="file" x="${fx}" y="${y + LANE - 9}" width="${Math.max(2, x(file.to ?? end) - fx)}" height="4" data-path="${escapeXml(file.path)}"${file.closeReason ? ` data-reason="${file.closeReason}"` : ""}><title>${escapeXml(file.path)}</title></rect>`,
    );
  }
  if (lane.startSeen) parts.push(`<circle class="mark connect" cx="${x0}" cy="${mid}" r="4"/>`);
  for (const at of lane.activity) {
    parts.push(
      `<line class="mark activity" x1="${x(at)}" y1="${y + 7}" x2="${x(at)}" y2="${y + LANE - 11}"/>`,
    );
  }
  if (lane.end !== undefined) {
    const ex = x(lane.end);
    parts.push(
      `<path class="mark close" d="M${ex - 4} ${mid - 5}L${ex + 4} ${mid}L${ex - 4} ${mid + 5}Z" data-reason="${lane.endReason ?? ""}"/>`,
    );
    parts.push(`<text class="reason" x="${ex + 7}" y="${mid + 4}">${escapeXml(lane.endReason ?? "")}</text>`);
  }
  parts.push("</g>");
  return parts.join("");
}

/** Renders a {@link Timeline} as SVG text. */
export function timelineToSvg(timeline: Timeline, options: TimelineSvgOptions = {}): string {
  const width = Math.max(480, Math.floor(options.width ?? 960));
  const minIdle = options.minIdleMs ?? 60_000;
  const span = Math.max(1000, timeline.to - timeline.from);
  const plot = width - LABEL_WIDTH - RIGHT;
  const x = (t: number) => Math.round((LABEL_WIDTH + ((t - timeline.from) / span) * plot) * 10) / 10;
  const servers = [...new Set(timeline.lanes.map((lane) => lane.server))];
  for (const mark of timeline.marks)
    if (mark.server !== undefined && !servers.includes(mark.server)) servers.push(mark.server);

  const body: string[] = [];
  let y = TOP;
  for (const server of servers) {
    body.push(
      `<g class="server-row" data-server="${escapeXml(server)}"><text x="8" y="${y + 15}">${escapeXml(server)}</text></g>`,
    );
    y += SERVER_ROW;
    for (const lane of timeline.lanes.filter((l) => l.server === server)) {
      body.push(laneSvg(lane, y, x, timeline.to, minIdle));
      y += LANE;
    }
  }
  if (timeline.lanes.length === 0) {
    body.push(`<text x="${LABEL_WIDTH}" y="${y + 18}">no sessions in this period</text>`);
    y += LANE;
  }
  const bottom = y + 8;

  const step = tickStep(span);
  const axis: string[] = [];
  for (let t = Math.ceil(timeline.from / step) * step; t <= timeline.from + span; t += step) {
    axis.push(`<line x1="${x(t)}" y1="${TOP - 6}" x2="${x(t)}" y2="${bottom}"/>`);
    axis.push(`<text x="${x(t)}" y="${TOP - 10}" text-anchor="middle">${clockText(t, step < 60_000)}</text>`);
  }
  // Mark labels go on rows below the lanes; a label close to the previous one on a row takes the next row.
  const rowEnds: number[] = [];
  const marks = timeline.marks.map((mark) => {
    const mx = x(mark.at);
    let row = rowEnds.findIndex((end) => end < mx);
    if (row === -1) row = rowEnds.length;
    rowEnds[row] = mx + 7 * mark.label.length;
    const server = mark.server ? ` data-server="${escapeXml(mark.server)}"` : "";
    return `<g class="server-mark" data-kind="${mark.kind}"${server}><line x1="${mx}" y1="${TOP - 4}" x2="${mx}" y2="${bottom + 14 * row}"/><text x="${mx + 3}" y="${bottom + 12 + 14 * row}">${escapeXml(mark.label)}</text></g>`;
  });
  const legendY = bottom + 32 + 14 * Math.max(0, rowEnds.length - 1);
  const legend = [
    `<g class="legend" transform="translate(${LABEL_WIDTH} ${legendY})">`,
    `<circle class="mark connect" cx="4" cy="-4" r="4"/><text x="12" y="0">connect</text>`,
    `<line class="mark activity" x1="74" y1="-10" x2="74" y2="2"/><text x="80" y="0">activity</text>`,
    `<rect class="idle" x="136" y="-10" width="24" height="12"/><text x="166" y="0">idle</text>`,
    `<rect class="file" x="202" y="-6" width="24" height="4"/><text x="232" y="0">open file</text>`,
    `<path class="mark close" d="M296 -9L304 -4L296 1Z"/><text x="310" y="0">end (reason)</text>`,
    "</g>",
  ].join("");
  const height = legendY + 16;
  const title = options.title ?? "Sessions over virtual time";
  const range = `${new Date(timeline.from).toISOString()} to ${new Date(timeline.to).toISOString()}`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" data-from="${timeline.from}" data-to="${timeline.to}">`,
    `<style>${STYLE}\n  </style>`,
    '<defs><pattern id="idle-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#eef3f8"/><line x1="0" y1="0" x2="0" y2="6" stroke="#b8c7d9" stroke-width="2"/></pattern></defs>',
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text class="title" x="8" y="20">${escapeXml(title)}</text>`,
    `<text x="8" y="36">${escapeXml(range)}</text>`,
    `<g class="axis">${axis.join("")}</g>`,
    ...body,
    ...marks,
    legend,
    "</svg>",
    "",
  ].join("\n");
}

/**
 * The timeline picture of `events` (e.g. `emu.events`, or `emu.events.query({ type: "session.*" })`) as SVG
 * text: `writeFileSync("timeline.svg", renderTimelineSvg(emu.events, { to: emu.clock.now() }))`.
 */
export function renderTimelineSvg(events: Iterable<EmulatorEvent>, options: TimelineSvgOptions = {}): string {
  return timelineToSvg(buildTimeline(events, options), options);
}
