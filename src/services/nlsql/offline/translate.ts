/**
 * The offline translator's reasoning: reads a question into a frame (subject,
 * measure, grouping, ranking, filters, time range) using only the schema index
 * and the English lexicon; render.ts then makes it one SELECT. Anything it
 * cannot place makes it refuse instead of guessing.
 */
import { buildFrame } from "./build-frame.js";
import { type Frame, NotUnderstood } from "./frame.js";
import { scan, tokenize } from "./scan.js";
import type { SchemaIndex } from "./schema-index.js";
import { extractTimeRange, type TimeRange } from "./time-range.js";

const MAX_TOKENS = 60;

export function understand(index: SchemaIndex, question: string, now: Date): { frame: Frame; time: TimeRange | null } {
  const quotes: string[] = [];
  let text = question.replace(/(^|[\s(:=])(?:'([^']+)'|"([^"]+)"|“([^”]+)”)(?=$|[\s,.?!;:)])/g, (_m, pre: string, a?: string, b?: string, c?: string) => {
    quotes.push((a ?? b ?? c)!);
    return `${pre}\u0001${quotes.length - 1} `;
  });
  const t = extractTimeRange(text, now);
  if (t.ambiguous) throw new NotUnderstood("The question names more than one time range.", ["Ask about one time range at a time."]);
  text = t.rest;
  const toks = tokenize(text, quotes);
  // Questions people ask fit in a sentence; a wall of text is not something to guess at.
  if (toks.length > MAX_TOKENS) throw new NotUnderstood(`The question has ${toks.length} words; the offline translator reads at most ${MAX_TOKENS}.`, ["Ask one short question at a time."]);
  const items = scan(index, toks);
  const frame = buildFrame(index, items, !!t.range, question);
  frame.eventVerb = /\b(sold|bought|purchased|sells|selling)\b/i.test(text);
  if (t.range) frame.understood.push(t.range.phrase);
  return { frame, time: t.range };
}
