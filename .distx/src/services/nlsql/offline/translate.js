import { buildFrame } from "./build-frame.js";
import { NotUnderstood } from "./frame.js";
import { scan, tokenize } from "./scan.js";
import { extractTimeRange } from "./time-range.js";
const MAX_TOKENS = 60;
function understand(index, question, now) {
  const quotes = [];
  let text = question.replace(/(^|[\s(:=])(?:'([^']+)'|"([^"]+)"|“([^”]+)”)(?=$|[\s,.?!;:)])/g, (_m, pre, a, b, c) => {
    quotes.push(a ?? b ?? c);
    return `${pre}${quotes.length - 1} `;
  });
  const t = extractTimeRange(text, now);
  if (t.ambiguous) throw new NotUnderstood("The question names more than one time range.", ["Ask about one time range at a time."]);
  text = t.rest;
  const toks = tokenize(text, quotes);
  if (toks.length > MAX_TOKENS) throw new NotUnderstood(`The question has ${toks.length} words; the offline translator reads at most ${MAX_TOKENS}.`, ["Ask one short question at a time."]);
  const items = scan(index, toks);
  const frame = buildFrame(index, items, !!t.range, question);
  frame.eventVerb = /\b(sold|bought|purchased|sells|selling)\b/i.test(text);
  if (t.range) frame.understood.push(t.range.phrase);
  return { frame, time: t.range };
}
export {
  understand
};
