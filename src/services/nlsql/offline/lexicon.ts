/**
 * General English knowledge the offline translator needs, independent of any
 * schema: stemming, stop words, number words, question keywords, superlatives
 * and country names (ISO 3166-1 alpha-2).
 */
import pluralize from "pluralize";
import { stemmer } from "stemmer";

const stemCache = new Map<string, string>();

/** Singular + Porter stem, so "categories", "category", "rated" and "rating" compare equal where they should. */
export function stem(word: string): string {
  const w = word.toLowerCase();
  let s = stemCache.get(w);
  if (s === undefined) {
    s = stemmer(/^[a-z]+$/.test(w) && w.length > 3 ? pluralize.singular(w) : w);
    stemCache.set(w, s);
  }
  return s;
}

/** Lower-case singular form of a word. */
export function lemma(word: string): string {
  const w = word.toLowerCase();
  return /^[a-z]+$/.test(w) && w.length > 3 ? pluralize.singular(w) : w;
}

/** Splits snake_case, camelCase and spaces into lower-case words. */
export function splitWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

/** Words that carry no meaning for the query (the question's scaffolding). */
export const STOP_WORDS = new Set(
  (
    "a an the of for to in on at from with and is are was were be been being there here what which who whom whose that this these those " +
    "show list me give get find display tell see please all any every its their his her my our your it they them do does did have has had " +
    "can could i we you want need know us by per each as whole overall everything entries records rows data " +
    "made placed come comes came sold bought written registered live lives living located based via through much make " +
    // Verbs and adverbs that only carry the question ("which channel brings in the most", "loans marked as lost").
    "bring brings brought generate generates generated generating produce produces produced marked flagged labeled labelled tagged " +
    "either currently presently still yet worth valued dollars dollar euros euro usd eur bucks database given received got"
  ).split(" "),
);

/** Words that are kept as scaffolding only when nothing in the schema claims them. */
export const SOFT_WORDS = new Set(["made", "placed", "come", "comes", "came", "sold", "bought", "written", "registered", "live", "lives", "living", "located", "based"]);

/** Verb forms whose noun is spelled differently ("born" → birth); the stem of the noun is used for matching. */
export const DERIVATIONS: Record<string, string> = { born: "birth", died: "death" };

/** Unit words that name a kind of column: "4 stars" is a rating. Matched against column names and synonyms. */
export const UNIT_CONCEPTS: Record<string, string[]> = { star: ["rating", "score", "stars"], stars: ["rating", "score", "stars"], score: ["rating", "stars"], grade: ["rating", "score"] };

/** Words asking for a prediction, an explanation or advice: no query over recorded data answers them. */
export const UNANSWERABLE_WORDS = new Set(["will", "would", "predict", "prediction", "forecast", "forecasted", "projected", "projection", "estimate", "expected", "expect", "should", "why", "likely", "recommend", "recommendation", "suggest", "optimal"]);

export const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fifteen: 15, twenty: 20, fifty: 50, hundred: 100,
};

export type AggFn = "sum" | "avg" | "min" | "max";

/** Multi-word keywords, longest first; matched on lower-case tokens. */
export const KEYWORDS: [string, string][] = [
  ["total number of", "count"], ["total count of", "count"], ["how many", "count"], ["number of", "count"], ["count of", "count"], ["count", "count"], ["amount of", "count"],
  ["how much", "sum"], ["sum of", "sum"], ["total of", "sum"], ["total", "sum?"], ["sum", "sum"],
  ["average", "avg"], ["avg", "avg"], ["mean", "avg"],
  ["maximum", "max"], ["max", "max"], ["minimum", "min"], ["min", "min"],
  ["cheaper than", "cmpc:price:lt"], ["less expensive than", "cmpc:price:lt"], ["more expensive than", "cmpc:price:gt"], ["pricier than", "cmpc:price:gt"], ["costlier than", "cmpc:price:gt"],
  ["longer than", "cmpc:length:gt"], ["shorter than", "cmpc:length:lt"],
  ["more than", "gt"], ["greater than", "gt"], ["larger than", "gt"], ["higher than", "gt"], ["over", "gt"], ["above", "gt"], ["exceeding", "gt"],
  ["less than", "lt"], ["fewer than", "lt"], ["lower than", "lt"], ["smaller than", "lt"], ["under", "lt"], ["below", "lt"],
  ["at least", "ge"], ["no less than", "ge"], ["at most", "le"], ["no more than", "le"], ["up to", "le"],
  ["exactly", "eq"], ["equal to", "eq"], ["equals", "eq"],
  ["or more", "orge"], ["or higher", "orge"], ["or above", "orge"], ["or greater", "orge"], ["and above", "orge"], ["and up", "orge"],
  ["or less", "orle"], ["or fewer", "orle"], ["or lower", "orle"], ["or below", "orle"], ["and below", "orle"], ["and under", "orle"],
  ["between", "between"],
  ["containing", "contains"], ["contains", "contains"], ["including", "contains"], ["includes", "contains"], ["like", "contains"], ["matching", "contains"],
  ["starting with", "starts"], ["starts with", "starts"], ["start with", "starts"], ["beginning with", "starts"],
  ["ending with", "ends"], ["ends with", "ends"], ["end with", "ends"],
  ["named", "named"], ["called", "named"],
  ["top", "top"], ["best", "top"], ["first", "oldest"], ["bottom", "bottom"], ["worst", "bottom"],
  ["most recent", "recent"], ["most recently", "recent"], ["latest", "recent"], ["newest", "recent"], ["recent", "recent"], ["last", "recent"],
  ["oldest", "oldest"], ["earliest", "oldest"],
  ["most expensive", "sup:price:desc"], ["priciest", "sup:price:desc"], ["cheapest", "sup:price:asc"], ["least expensive", "sup:price:asc"],
  ["highest", "sup::desc"], ["largest", "sup::desc"], ["biggest", "sup::desc"], ["greatest", "sup::desc"],
  ["lowest", "sup::asc"], ["smallest", "sup::asc"], ["most", "sup::desc"], ["fewest", "sup::asc"], ["least", "sup::asc"],
  ["best selling", "rankby:units:desc"], ["best sellers", "rankby:units:desc"], ["best seller", "rankby:units:desc"], ["bestselling", "rankby:units:desc"], ["bestsellers", "rankby:units:desc"],
  ["top selling", "rankby:units:desc"], ["most sold", "rankby:units:desc"], ["worst selling", "rankby:units:asc"], ["least sold", "rankby:units:asc"],
  ["best rated", "rankby:rating:desc"], ["top rated", "rankby:rating:desc"], ["highest rated", "rankby:rating:desc"], ["highly rated", "rankby:rating:desc"],
  ["worst rated", "rankby:rating:asc"], ["lowest rated", "rankby:rating:asc"],
  ["longest", "sup:length:desc"], ["shortest", "sup:length:asc"],
  ["sorted by", "sortby"], ["sort by", "sortby"], ["sorted on", "sortby"], ["ordered by", "sortby?"], ["arranged by", "sortby"],
  ["in descending order", "sortdesc"], ["descending", "sortdesc"], ["highest first", "sortdesc"], ["largest first", "sortdesc"], ["newest first", "sortdesc"],
  ["in ascending order", "sortasc"], ["ascending", "sortasc"], ["lowest first", "sortasc"], ["smallest first", "sortasc"], ["oldest first", "sortasc"],
  ["contain", "contains"], ["mentioning", "contains"], ["mentions", "contains"], ["mention", "contains"],
  ["broken down by", "group"], ["split by", "group"], ["breakdown by", "group"], ["grouped by", "group"], ["for each", "group"], ["in each", "group"], ["by", "by"], ["per", "group"], ["each", "group"],
  ["without any", "without"], ["without", "without"], ["with no", "without"], ["have no", "without"], ["has no", "without"], ["having no", "without"],
  ["never", "without"], ["no", "without"], ["nobody", "without"], ["no one", "without"], ["empty", "without"], ["missing", "without"], ["blank", "without"],
  ["have not", "notverb"], ["has not", "notverb"], ["had not", "notverb"], ["did not", "notverb"], ["do not", "notverb"], ["does not", "notverb"],
  ["haven't", "notverb"], ["hasn't", "notverb"], ["hadn't", "notverb"], ["didn't", "notverb"], ["don't", "notverb"], ["doesn't", "notverb"],
  ["not", "not"], ["non", "not"], ["or", "or"], ["and", "and"],
  ["distinct", "distinct"], ["different", "distinct"], ["unique", "distinct"],
];

export const TIME_BUCKETS: Record<string, string> = { day: "day", daily: "day", week: "week", weekly: "week", month: "month", monthly: "month", quarter: "quarter", quarterly: "quarter", year: "year", yearly: "year" };

/** Adjectives that name a concept of a column rather than the column itself. */
export const CONCEPT_WORDS: Record<string, string[]> = {
  price: ["price", "cost", "fee", "charge", "fare", "amount", "total"],
  size: ["total", "amount", "quantity", "size"],
  length: ["length", "pages", "duration", "days", "minutes", "distance"],
};

/**
 * What "best-selling" and "best rated" rank by: a column named like one of
 * the words, on the subject or on the one table that references it, and how
 * its values combine (units add up; ratings are averaged).
 */
export const RANK_CONCEPTS: Record<string, { words: string[]; fn: "sum" | "avg"; own: boolean }> = {
  // Units sold are recorded where the sale is, never on the thing itself (its "units in stock" are not sales).
  units: { words: ["quantity", "qty", "units"], fn: "sum", own: false },
  rating: { words: ["rating", "score", "stars"], fn: "avg", own: true },
};

/**
 * How a numeric column combines when ranking groups by it with no aggregate
 * word ("top 5 products by rating"): amounts add up, ratings average, and
 * anything else (prices, discounts, levels) is refused as ambiguous.
 */
export const ADDITIVE_WORDS = ["quantity", "qty", "units", "total", "amount", "revenue", "sales", "fee", "fees", "income", "stock", "inventory", "count", "hours", "minutes", "days", "duration", "fine", "points", "pages", "spend", "spent", "paid", "payment"];
export const AVERAGED_WORDS = ["rating", "score", "stars", "grade"];

/** Country names and demonyms → ISO 3166-1 alpha-2. General knowledge, not schema knowledge. */
export const COUNTRIES: Record<string, string> = {
  germany: "DE", german: "DE", "united states": "US", "united states of america": "US", usa: "US", america: "US", american: "US",
  "united kingdom": "GB", uk: "GB", "great britain": "GB", britain: "GB", british: "GB", england: "GB",
  france: "FR", french: "FR", spain: "ES", spanish: "ES", italy: "IT", italian: "IT", netherlands: "NL", holland: "NL", dutch: "NL",
  japan: "JP", japanese: "JP", china: "CN", chinese: "CN", india: "IN", indian: "IN", canada: "CA", canadian: "CA", mexico: "MX", mexican: "MX",
  brazil: "BR", brazilian: "BR", australia: "AU", australian: "AU", austria: "AT", austrian: "AT", switzerland: "CH", swiss: "CH",
  belgium: "BE", belgian: "BE", sweden: "SE", swedish: "SE", norway: "NO", norwegian: "NO", denmark: "DK", danish: "DK", finland: "FI", finnish: "FI",
  poland: "PL", polish: "PL", portugal: "PT", portuguese: "PT", ireland: "IE", irish: "IE", greece: "GR", greek: "GR",
  "czech republic": "CZ", czechia: "CZ", czech: "CZ", hungary: "HU", romania: "RO", turkey: "TR", russia: "RU", ukraine: "UA",
  "south korea": "KR", korea: "KR", korean: "KR", singapore: "SG", "south africa": "ZA", argentina: "AR", chile: "CL", colombia: "CO",
  "new zealand": "NZ", israel: "IL", egypt: "EG", nigeria: "NG", kenya: "KE", indonesia: "ID", thailand: "TH", vietnam: "VN",
  philippines: "PH", malaysia: "MY", "saudi arabia": "SA", "united arab emirates": "AE", uae: "AE", luxembourg: "LU", iceland: "IS",
};

/** Reverse map for interpretations: code → a country name. */
export const COUNTRY_NAME: Record<string, string> = {};
for (const [name, code] of Object.entries(COUNTRIES)) if (!COUNTRY_NAME[code] && !/(an|ish|ese|ch|ss|ek)$/.test(name)) COUNTRY_NAME[code] = name.replace(/\b\w/g, (c) => c.toUpperCase());
