// The search page: Pagefind's index, asked for every form of each query word.
//
// Pagefind stems words, but Finnish stems differ between forms of one word
// (asukastupa / asukastuvalla). The build writes the site's own word forms
// grouped by lemma (haku/lemmat/<first letters>.json: lemma -> its forms on
// the site, form -> its lemmas). A query word is looked up there and Pagefind is
// asked for each combination of forms; the results are merged by page, so a
// base form finds the inflected text and the excerpt shows the notice's own
// words with the matched form marked. A word no page has is matched to the
// site's words (typos.js), and words in quotes must stand together.

import { notOffered, notUnderstood, sayBeside } from "./filter-values.js";
import { MIN_LENGTH, candidateLengths, correct, correctable, fold } from "./typos.js";

const root = document.getElementById("bl-search");
const text = root.dataset; // addresses and interface strings from the template
const form = root.querySelector("form");
const status = document.getElementById("haku-tila");
const list = document.getElementById("haku-tulokset");
const more = document.getElementById("haku-lisaa");
const corrected = document.getElementById("haku-korjattu");
const fromPast = document.getElementById("haku-arkistosta");
const FILTERS = ["type", "category", "association", "group"];
// The fields that say beside them a value of the address they do not offer
// (haku/?category=xyz): the search is not narrowed by it, and the reader is told.
const CHECKED = new Set([...form.querySelectorAll("[data-filter-error]")].map((error) => error.dataset.filterError));
const PAGE_SIZE = 10;
const MAX_SEARCHES = 24; // combinations of forms asked from Pagefind per query
// Letters after the beginning Pagefind found a word by that are taken for an
// ending (kuoro-ssa, tanss-iin): the word is searched, not corrected.
const MAX_ENDING = 3;
const MIN_FORM = 3; // as lemmas._MIN_FORM: no shorter form is listed of a lemma

// --- word forms -----------------------------------------------------------

const WORD = /[\p{L}\p{M}\p{N}]+/gu;

export function words(query) {
  return query.toLowerCase().match(WORD) ?? [];
}

// A day or a clock time as Finns write them: 5.12., 5.12.2026 (or 5.12
// without its last dot), a weekday before it (la 5.12.), a range of days
// (18.–20.12., 18.12.–3.1., 18.12–20.12); 18.30, 18:30, klo 18, klo 18.30
// (klo 18–20 and 18.30–20.00 are at their start). A day and month that
// are no day (18.30) are a time.
const WHEN = new RegExp([
  String.raw`(?<![\p{L}\p{N}.:])(?:`,
  String.raw`(?:klo|kello)\.?\s*(?<hour>\d{1,2})(?:[.:](?<minute>\d{2}))?(?:\s*[-–—]\s*\d{1,2}(?:[.:]\d{2})?)?`,
  String.raw`|(?<from>\d{1,2})\.(?:(?<fromMonth>\d{1,2})\.(?<fromYear>\d{4})?)?\s*[-–—]\s*`,
  String.raw`(?<to>\d{1,2})\.(?<toMonth>\d{1,2})\.?(?<toYear>\d{4})?`,
  String.raw`|(?:(?<weekday>ma|ti|ke|to|pe|la|su)\.?\s+)?(?<a>\d{1,2})(?<sep>[.:])(?<b>\d{1,2})(?:\.(?<year>\d{4})?)?`,
  String.raw`(?:\s*[-–—]\s*(?<untilA>\d{1,2})[.:](?<untilB>\d{1,2})\.?)?`,
  String.raw`)(?![\p{L}\p{N}]|[.:,]\p{N})`,
].join(""), "giu");

// Words for days counted from the reader's today: "tänään", "ensi
// viikolla", "joulukuussa" (the build's table, bulletin_search.days.READER_DAYS:
// word -> [what, how many]). The longest first, so "tänä viikonloppuna" is
// not read as "viikonloppuna"; a phrase's words may have any space between.
// A year after a month's name is the year of that month ("joulukuussa 2027").
const DAY_WORDS = JSON.parse(text.dayWords ?? "{}");
const NAMED_DAYS = new RegExp(String.raw`(?<![\p{L}\p{N}])(${Object.keys(DAY_WORDS)
  .sort((a, b) => b.length - a.length).map((word) => word.replaceAll(" ", String.raw`\s+`)).join("|")})` +
  String.raw`(?![\p{L}\p{N}])(?:\s+((?:19|20)\d\d)(?![\p{L}\p{N}]|[.:,]\p{N}))?`, "giu");
const wordKind = (word) => DAY_WORDS[word.toLowerCase().replace(/\s+/gu, " ")];

// The first and last day of what `DAY_WORDS[word]` names, from `today`
// (a Finnish week begins on Monday); a month named, of the year `written` when one is.
function namedDays(word, today, written) {
  const [what, count] = wordKind(word);
  const [year, month, day] = [today.getFullYear(), today.getMonth(), today.getDate()];
  const monday = day - (today.getDay() + 6) % 7 + 7 * count;
  switch (what) {
    case "day": return [new Date(year, month, day + count), new Date(year, month, day + count)];
    case "week": return [new Date(year, month, monday), new Date(year, month, monday + 6)];
    case "weekend": return [new Date(year, month, monday + 5), new Date(year, month, monday + 6)];
    case "month": return [new Date(year, month + count, 1), new Date(year, month + count + 1, 0)];
    default: { // "month of year": of the year written, else this year's, or next year's once this year's is past
      const next = written ? +written : count - 1 < month ? year + 1 : year;
      return [new Date(next, count - 1, 1), new Date(next, count, 0)];
    }
  }
}

// Each day from `first` to `last`, as the build writes a day with its year.
function eachDay(first, last) {
  const days = [];
  for (let day = first; day <= last; day = new Date(day.getFullYear(), day.getMonth(), day.getDate() + 1)) {
    days.push(`${day.getDate()}.${day.getMonth() + 1}.${day.getFullYear()}`);
  }
  return days;
}

const isDay = (day, month) => day >= 1 && day <= 31 && month >= 1 && month <= 12;
// A day of the calendar: 31.2. and 31.4. are none; 29.2. is, without a year (of a leap year).
const onCalendar = (day, month, year = 2000) => isDay(day, month) &&
  new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day;
const clock = (hour, minute) => (+hour < 24 && minute.length === 2 && +minute < 60 ? `${+hour}.${minute}` : null);
const LONGEST_RANGE = 366; // days of a range typed that are asked for: a longer one is no range

// The days of a range as the build writes them (5.12.2026, or 5.12. when
// the range has no year), [] when it is too long to be one, null when an
// end is no day of the calendar. Without a year, in a leap
// year (29.2.), into the next when it ends before it begins (18.12.–3.1.).
function daysOfRange(from, fromMonth, fromYear, to, toMonth, toYear) {
  const given = toYear ?? fromYear;
  const endYear = +(toYear ?? fromYear ?? 2000);
  const utc = (year, month, day) => new Date(Date.UTC(year, month - 1, day));
  const last = utc(endYear, toMonth, to);
  let first = utc(fromYear ? +fromYear : endYear, fromMonth, from);
  if (!fromYear && first > last) first = utc(endYear - 1, fromMonth, from);
  const days = [];
  for (let day = first; day <= last && days.length <= LONGEST_RANGE; day = utc(day.getUTCFullYear(),
    day.getUTCMonth() + 1, day.getUTCDate() + 1)) {
    days.push(`${day.getUTCDate()}.${day.getUTCMonth() + 1}.${given ? day.getUTCFullYear() : ""}`);
  }
  const real = onCalendar(+from, +fromMonth, fromYear ? +fromYear : first.getUTCFullYear()) &&
    onCalendar(+to, +toMonth, endYear);
  if (!real) return null;
  return days.length <= LONGEST_RANGE ? days : [];
}

// The days and times of a part of the query outside quotes, as the build
// writes them in the pages' filters (bulletin_search.days): each day, or
// range of days, a list of the days any of which a page may be on. Gives
// the part without them. A day written as one that is no day of the
// calendar (31.2., 32.12., 30.2.–3.3.) goes to `impossible`: searched as
// its numbers it found prices and phone numbers. "tänään", "ensi
// viikolla" and "joulukuussa" are days too, of `today`: a reader asks for
// the events on them, not for the pages with the word; their first and
// last days go to `periods`, for the status to say which were searched.
function daysAndTimes(part, days, times, impossible, periods, today) {
  const named = part.replace(NAMED_DAYS, (match, word, year) => {
    const ofYear = wordKind(word)[0] === "month of year";  // a year after another word stays a word
    const [first, last] = namedDays(word, today, ofYear ? year : undefined);
    days.push(eachDay(first, last));
    periods.push([first, last]);
    return year && !ofYear ? ` ${year} ` : " ";
  });
  return named.replace(WHEN, (match, ...groups) => {
    const { hour, minute, from, fromMonth, fromYear, to, toMonth, toYear, weekday, a, sep, b, year, untilA, untilB } =
      groups.at(-1);
    if (hour !== undefined) {
      const time = clock(hour, minute ?? "00");
      return time ? (times.push(time), " ") : match;
    }
    if (from !== undefined) {
      const range = daysOfRange(from, fromMonth ?? toMonth, fromYear, to, toMonth, toYear);
      if (range === null) return (impossible.push(match.trim()), " ");
      return range.length ? (days.push(range), " ") : match;
    }
    // 31.2. and 32.12. are written as days, and so is 31.2, a day and a
    // month the calendar lacks; but 18.30 is a time and 3.14 a number
    const writtenAsDay = sep === "." && (year !== undefined || match.endsWith(".") || isDay(+a, +b));
    if (writtenAsDay && !onCalendar(+a, +b, year && +year) && clock(a, b) === null) {
      return (impossible.push(match.trim()), " ");
    }
    if (sep === "." && onCalendar(+a, +b, year && +year)) {
      const range = untilA === undefined ? [] : daysOfRange(a, b, year, untilA, untilB, year);
      if (range === null) return (impossible.push(match.trim()), " ");
      days.push(range.length ? range : [`${+a}.${+b}.${year ?? ""}`]);
      return " ";
    }
    const time = year === undefined ? clock(a, b) : null;
    return time ? (times.push(time), weekday ? ` ${weekday} ` : " ") : match;
  });
}

// The query's words to search (`terms`), its words as typed (a capital may
// mark a name, see typos.js), its phrases: the words of each part in double
// quotes, its words joined by hyphens (ensi-ilta), and its days and times
// outside quotes (`when`). A day or a time is no word to search: as its
// numbers, 19 and 12, it found every page with a 19 and a 12 anywhere (a
// price, a phone number), and as one word (1912) not the days of a range
// (18.–20.12.). The build gives each page the days and times it is about
// as filters (whenFilters). (In quotes a date stays its numbers, as the
// text is read word by word for a phrase.)
export function parseQuery(query, today = new Date()) {
  const parts = query.split(/["\u201c\u201d\u201e]/);
  const phrases = parts.filter((_, index) => index % 2 === 1).map(words).filter((phrase) => phrase.length > 1);
  const joined = (query.match(/[\p{L}\p{M}\p{N}]+(?:[-\u2010\u2011][\p{L}\p{M}\p{N}]+)+/gu) ?? []).map(words);
  const days = [];
  const times = [];
  const impossible = [];
  const periods = [];
  const unquoted = parts.map((part, index) => (index % 2 ? part
    : daysAndTimes(part, days, times, impossible, periods, today)));
  const terms = [...new Set(words(unquoted.join(" ")))];
  const when = days.length || times.length ? { days, times: [...new Set(times)] } : null;
  return { terms, typed: query.match(WORD) ?? [], phrases, joined, when, impossible, periods };
}

// Pagefind's filters for the query's days and times: the events on those
// days at those times (`own`), and the pages that are about them, the
// event's or the text's own (`written`: a deadline, a range of days).
export function whenFilters({ days, times }) {
  const any = (values) => ({ any: values });
  const either = (own, written) => (values) => any([{ [own]: any(values) }, { [written]: any(values) }]);
  return {
    own: { all: [...days.map((day) => ({ day: any(day) })), ...times.map((time) => ({ time }))] },
    written: { all: [...days.map(either("day", "date")), ...times.map(either("time", "clock"))] },
  };
}

// The results of `queries` (null: every page) with the query's days and
// times: the events on them first, then the pages whose text writes them.
async function onWhen(pf, queries, filters, when) {
  const { own, written } = whenFilters(when);
  const search = (extra) => (queries === null
    ? browse(pf, { ...filters, ...extra }, "asc")
    : merged(pf, queries, { ...filters, ...extra }));
  const [first, then, shown] = await Promise.all([search(own), search(written),
    queries === null ? asWritten(pf, { ...filters, ...written }, when) : []]);
  const ids = new Set(first.map((r) => r.id));
  const excerpts = new Map(shown.map((r) => [r.id, r]));
  return [...first, ...then.filter((r) => !ids.has(r.id))].map((r) => excerpts.get(r.id) ?? r);
}

// A page found by a filter alone has its beginning as its excerpt: the
// pages that write the day or time, as Pagefind reads it (19.12. is the
// word 1912, 18.30 is 1830), are searched for it too, and their excerpts
// show it marked. A range's days are not one word.
function asWritten(pf, filters, when) {
  const digits = (value) => value.replace(/\D/g, "");
  const written = [...when.days.filter((days) => days.length === 1).flat(), ...when.times].map(digits);
  return written.length ? merged(pf, [written.join(" ")], filters) : [];
}

// Every page the filters let through, by date.
async function browse(pf, filters, direction) {
  return current((await pf.search(null, { filters, sort: { date: direction } })).results, pf);
}

// Same as lemmas.file_key in the build: `length` letters, ASCII-safe.
export function fileKey(word, length = 2) {
  return Array.from(word).slice(0, length)
    .map((c) => (/^[a-z0-9]$/.test(c) ? c : `_${c.codePointAt(0).toString(16)}_`))
    .join("");
}

const fileSet = (names) => new Set(names.split(" ").filter(Boolean));
const lemmaFiles = fileSet(text.lemmaFiles);
const vocabularyFiles = fileSet(text.vocabularyFiles);
const loadedFiles = new Map();
// No file's key is longer: a word is not looked up by more of its letters
// (a 3000-letter query was seconds of keys made and not found).
const longestKey = (files) => Math.max(0, ...[...files].map((key) => key.length));
const lemmaKeyLength = longestKey(lemmaFiles);
const vocabularyKeyLength = longestKey(vocabularyFiles);

// A JSON file of the build's, fetched once; {} if it cannot be had.
function jsonFile(url) {
  if (!loadedFiles.has(url)) loadedFiles.set(url, fetch(url).then((r) => (r.ok ? r.json() : {})).catch(() => ({})));
  return loadedFiles.get(url);
}

// A word is in the file of its first two letters, or of more letters where
// the build split a large file: the longest key that exists.
function fileFor(word) {
  for (let length = Math.min(Array.from(word).length, lemmaKeyLength); length >= 2; length--) {
    const key = fileKey(word, length);
    if (lemmaFiles.has(key)) return key;
  }
  return null;
}

function lemmaFile(word) {
  const key = fileFor(word);
  return key === null ? Promise.resolve({}) : jsonFile(`${text.lemmas}${key}.json?v=${text.lemmaVersion}`);
}

// The site's words of `size` letters, from the file of that length, or of
// the word's first letters where the build split it (spelling.py): those
// of a large site with another first letter are not looked at.
function vocabularyFile(word, size) {
  const folded = fold(word);
  for (let length = 0; length <= Math.min(Array.from(folded).length, vocabularyKeyLength); length++) {
    const key = length ? `${size}-${fileKey(folded, length)}` : `${size}`;
    if (vocabularyFiles.has(key)) return jsonFile(`${text.vocabulary}${key}.json?v=${text.vocabularyVersion}`);
  }
  return Promise.resolve({});
}

// The site's word that a word the site does not have stands for, or null.
// The vocabulary is fetched only for a word that the lemma map does not
// know: first the file of its own length, to see whether the site has it,
// then those of the lengths around it.
async function correction(typed, isFirst) {
  if (!correctable(typed, isFirst)) return null;
  const size = Array.from(fold(typed)).length;
  const own = await vocabularyFile(typed, size);
  if (onSite(own, typed)) return null;
  const others = candidateLengths(typed).filter((n) => n !== size).map((n) => vocabularyFile(typed, n));
  return correct(typed, Object.assign({}, own, ...(await Promise.all(others))), isFirst);
}

// Whether `typed` is a word of the site, by the vocabulary file of its length.
function onSite(vocabulary, typed) {
  return Object.keys(vocabulary).some((word) => fold(word) === fold(typed));
}

// Whether a word that is not corrected is one no page has: it then finds
// nothing, rather than the pages with a part of it (Pagefind finds the
// Swedish "i" in "induktiosilmkka"), or, among other words, the pages with
// those words alone (Pagefind leaves it out of the query). Names count too:
// only words too short or with digits are not looked up.
async function unknownAsTyped(typed) {
  if (!correctable(typed)) return false;
  return !onSite(await vocabularyFile(typed, Array.from(fold(typed)).length), typed);
}

function entry(file, part, word) {
  const table = file[part] ?? {};
  return Object.hasOwn(table, word) ? table[word] : [];
}

// Forms only the present's pages have, and only the archive's: a bundle is
// not asked for a word it does not have, which Pagefind would read as parts
// (kevät in kevätkonsertti) or match by a near word (kantaa for
// kantarelleja). The build makes the lists from the very text Pagefind
// indexes, so a word listed as the archive's is in no page of the present,
// even one the reader typed. Filled as the lemma files are read.
const onlyIn = { now: new Set(), past: new Set() };
// Words typed that are no page's: a lemma whose forms on the site do not
// include itself (kantarelli, where a page says kantarelleja).
const offSite = new Set();

// The word as typed, then the forms on the site of its lemmas (the word may
// itself be a lemma), most frequent first.
async function formsOf(word) {
  const own = await lemmaFile(word);
  const lemmas = [word, ...entry(own, "lemmas", word)];
  const forms = new Set([word]);
  for (const lemma of lemmas) {
    const file = await lemmaFile(lemma);
    for (const form of entry(file, "forms", lemma)) forms.add(form);
    for (const part of ["now", "past"]) for (const form of entry(file, part, lemma)) onlyIn[part].add(form);
  }
  const listed = entry(own, "forms", word);
  if (lemmas.length === 1 && listed.length && !listed.includes(word)) offSite.add(word);
  return [...forms];
}

// Every combination of one form per word, keeping the commonest forms
// (the build lists them most frequent first) when there would be too many.
export function combinations(formLists, limit = MAX_SEARCHES) {
  const lists = formLists.map((forms) => [...forms]);
  const count = () => lists.reduce((n, forms) => n * forms.length, 1);
  while (count() > limit) {
    const longest = lists.reduce((a, b) => (b.length > a.length ? b : a));
    longest.pop();
  }
  return lists.reduce((acc, forms) => acc.flatMap((head) => forms.map((f) => [...head, f])), [[]])
    .map((combo) => combo.join(" "));
}

// --- searching --------------------------------------------------------------

let pagefind = null;

// A rebuild indexes only the pages that changed, into a second bundle
// (data-delta, and data-archive-delta for the archive's years) that is
// merged into the search. Its changes.json names the pages in it and the
// results of the first bundles to drop: pages that changed or left. An
// engine is a Pagefind with its delta's ids and the ids it drops.
async function withChanges(module, folder, version) {
  const pf = { search: (query, options) => module.search(query, options), delta: new Set(), superseded: new Set() };
  if (!folder) return pf;
  const response = await fetch(`${folder}changes.json?v=${version}`);
  if (!response.ok) throw new Error(`${response.url}: ${response.status}`);
  const changes = await response.json();
  pf.delta = new Set(changes.delta);
  pf.superseded = new Set(changes.superseded);
  if (pf.delta.size) await module.mergeIndex(folder);
  return pf;
}

// A Pagefind bundle's options. On the page itself, not in a web worker: the
// worker is another 41 KB to load, and searching this index takes
// milliseconds. Every notice has its association's name in its data
// (_search.html), so "eläkeläiset" found each notice of an association of
// "Eläkkeensaajat" (synonyms.py) as if about them: such a page is still
// found, but after those whose own words match.
const options = () => ({
  baseUrl: new URL(text.site, location.href).pathname,
  noWorker: true,
  ranking: { metaWeights: { association: 0.1 } },
});

async function engine() {
  if (!pagefind) {
    const module = await import(text.bundle + "pagefind.js");
    await module.options(options());
    module.init();
    pagefind = await withChanges(module, text.delta, text.deltaVersion);
  }
  return pagefind;
}

// The archive: a bundle per year of expired notices (the build's
// archive.py), searched when the reader asks (arkisto=1) or when no page
// of the present has every word of the query. Its bundles are merged into
// a Pagefind of their own (another bundle's pagefind.js is a module of its
// own), so the present's results keep their ranking, come first, and the
// archive's are told apart.
const archiveBundles = (text.archive ?? "").split(" ").filter(Boolean);
const fromArchive = new WeakSet();
let archive = null;

function archiveEngine() {
  archive ??= (async () => {
    const [first, ...rest] = archiveBundles;
    const module = await import(first + "pagefind.js");
    await module.options(options());
    module.init();
    for (const bundle of rest) await module.mergeIndex(bundle);
    return withChanges(module, text.archiveDelta, text.archiveDeltaVersion);
  })();
  return archive;
}

// `first`'s results, then `second`'s.
function concat(first, second) {
  return {
    size: first.size + second.size,
    next: async (count) => {
      const page = await first.next(count);
      return page.length < count ? [...page, ...(await second.next(count - page.length))] : page;
    },
  };
}

const nothing = { found: inOrder([]), forms: new Set(), partial: false, corrected: [], lacking: false };
const hasAll = (search) => search.found.size > 0 && !search.partial;

export async function find(state) {
  const present = await findIn(await engine(), state, onlyIn.past);
  // Too little: no page of the present has every word of the query, or a
  // word is in none of its pages (what Pagefind found for it is a near word).
  const wanted = state.archive ||
    (words(state.q).length > 0 && (!present.found.size || present.partial || present.lacking));
  if (!archiveBundles.length || !wanted) return { ...present, archived: 0 };
  let past = await findIn(await archiveEngine(), state, onlyIn.now);
  for (const result of past.found.all) fromArchive.add(result);
  // The present's results stay as they were, first. Pagefind leaves out a
  // word its bundle does not have, so the archive's pages "with every word"
  // may lack one: they do not displace the present's.
  if (hasAll(present) && past.partial) past = nothing;
  return {
    found: concat(present.found, past.found),
    forms: new Set([...present.forms, ...past.forms]),
    partial: present.found.size ? present.partial : past.partial,
    corrected: present.corrected.length ? present.corrected : past.corrected,
    archived: past.found.size,
  };
}

// Results in the order given, one per page, without those `pf` drops.
function current(found, pf) {
  const seen = new Set();
  return found.filter((r) => !pf.superseded.has(r.id) && !seen.has(r.id) && seen.add(r.id));
}

// What the page shows: `size` results, handed out in order by `next`.
function inOrder(found) {
  let at = 0;
  return { size: found.length, all: found, next: async (count) => found.slice(at, (at += count)) };
}

// Pagefind sorts each bundle's results but merges bundles by score, so a
// browse by date over two bundles is merged here, by the date in each
// result's data, as far as the page has been shown.
function byDate(found, direction, delta) {
  const lists = [found.filter((r) => !delta.has(r.id)), found.filter((r) => delta.has(r.id))];
  const date = async (r) => (await r.data()).meta.date ?? "";
  return {
    size: found.length,
    all: found,
    next: async (count) => {
      const page = [];
      while (page.length < count && (lists[0].length || lists[1].length)) {
        if (!lists[0].length || !lists[1].length) {
          page.push((lists[0].length ? lists[0] : lists[1]).shift());
          continue;
        }
        const [a, b] = await Promise.all([date(lists[0][0]), date(lists[1][0])]);
        page.push(lists[(direction === "asc" ? a <= b : a >= b) ? 0 : 1].shift());
      }
      return page;
    },
  };
}

// The search in one Pagefind: the present's, or the archive's.
async function findIn(pf, state, elsewhere) {
  const filters = {};
  for (const key of FILTERS) if (state[key]) filters[key] = state[key];
  if (state.upcoming) filters.upcoming = "1";
  const { terms, typed, phrases, joined, when } = parseQuery(state.q);
  if (!terms.length && when) {
    return { found: inOrder(await onWhen(pf, null, filters, when)), forms: new Set(), partial: false, corrected: [],
             lacking: false };
  }
  if (!terms.length) {
    // Browsing by filter: upcoming events soonest first, the rest newest first.
    const direction = state.upcoming ? "asc" : "desc";
    const found = await browse(pf, filters, direction);
    const ordered = pf.delta.size ? byDate(found, direction, pf.delta) : inOrder(found);
    return { found: ordered, forms: new Set(), partial: false, corrected: [], lacking: false };
  }
  // In a phrase, the words before the last stand as typed.
  const asTyped = new Set(phrases.flatMap((phrase) => phrase.slice(0, -1)));
  const formLists = await Promise.all(terms.map((term) => (asTyped.has(term) ? [term] : formsOf(term))));
  // A word that is not the site's is searched as the site's word it stands
  // for. Pagefind cannot tell: it leaves out a word it has nowhere, and
  // finds parts of one it does not know (kevät in kevätkoous). A word in the
  // lemma map is the site's; another is looked up in the vocabulary.
  const corrected = [];
  const inPhrase = new Set(phrases.flat());
  for (const [index, term] of terms.entries()) {
    if (inPhrase.has(term) || formLists[index].length > 1) continue;
    const at = typed.findIndex((word) => word.toLowerCase() === term);
    if (at < 0) continue;
    if (!(await unknownAsTyped(typed[at]))) continue;
    // A word no page has: Pagefind finds it by the longest word of its own
    // that begins it, or begins its stem. A long such beginning, leaving
    // an ending, is the word inflected (kuorossa, lapaset): searched as
    // typed, or corrected only to a word that keeps that beginning (kahvila
    // for "kahvilaan", not vuorossa or lapset, nor nuorisotilalla for
    // "nuorisotalolla" where a page says "nuorisotalo"). A word it is a typing error
    // of comes next; then a long beginning is a compound's first part (kuoro
    // in "kuoroharjotukset"), and a short one finds what the reader did not
    // ask for (the "su" of Sunday for "sukat"): nothing. Exactly as typed
    // the word is no page's and finds nothing.
    const shared = state.exact ? 0 : await sharedBeginning(pf, typed[at]);
    const size = Array.from(fold(typed[at])).length;
    const inflected = shared >= MIN_LENGTH && shared >= size - MAX_ENDING;
    const word = state.exact ? null : await correction(typed[at], at === 0);
    if (word !== null && (!inflected || begins(word, typed[at], shared))) {
      formLists[index] = await formsOf(word);
      // The site's word with a case ending of its own (kuoro-on,
      // asukastuva-ssa) is no typing error: its forms are searched unsaid.
      if (!(inflected && endsInCase(typed[at], shared))) corrected.push(word);
    } else if (shared < MIN_LENGTH) {
      formLists[index] = [];
    }
  }
  const forms = new Set(formLists.flat());
  // The forms this bundle has. A word none of whose forms it has leaves no
  // page with every word here, so the archive is searched (find).
  const searched = formLists.map((list) => list.filter((form) => !elsewhere.has(form)));
  const lacking = searched.some((list) => list.every((form) => offSite.has(form)));
  let found = await (when ? onWhen(pf, combinations(searched), filters, when)
    : merged(pf, combinations(searched), filters));
  if (phrases.length) found = await standingTogether(found, together(phrases, formLists, terms));
  // Words joined by a hyphen are not a phrase ("joulu-konsertti" finds
  // joulukonsertti), but the pages with them together come first: the
  // premiere's (ensi-ilta) before one that says "ensi" and "ilta" often.
  if (joined.length) found = await togetherFirst(found, together(joined, formLists, terms));
  // A word shorter than any form the lemma map lists ("la", of lauantai)
  // is found by Pagefind in every word it begins (lainaan, lautapelejä):
  // the pages with it, or a form of its lemma, as a word come first.
  const short = terms.filter((term, index) => Array.from(term).length < MIN_FORM && formLists[index].length > 1);
  if (short.length) found = await togetherFirst(found, together(short.map((term) => [term]), formLists, terms));
  if (found.length || terms.length + (when ? 1 : 0) < 2 || phrases.length) {
    return { found: inOrder(found), forms, partial: false, corrected, lacking };
  }
  // No page has every word (Pagefind asks for all of them): the pages with
  // some, those with the most of the words first, and the status says so;
  // the days and times count as one word.
  const limit = Math.max(1, Math.floor(MAX_SEARCHES / terms.length));
  const byWord = await Promise.all(searched.map((list) => merged(pf, combinations([list], limit), filters)));
  if (when) byWord.push(await onWhen(pf, null, filters, when));
  const pages = new Map();
  for (const result of byWord.flat()) {
    const page = pages.get(result.id) ?? { result, words: 0, score: 0 };
    page.words += 1;
    page.score += result.score;
    pages.set(result.id, page);
  }
  const some = [...pages.values()].sort((a, b) => b.words - a.words || b.score - a.score).map((p) => p.result);
  return { found: inOrder(some), forms, partial: some.length > 0, corrected, lacking };
}

// Finnish case endings, and the plural's, as a word typed without its
// diacritics has them (ssä: ssa): no longer than MAX_ENDING.
const CASE_ENDINGS = new Set(["n", "t", "a", "ta", "tta", "na", "ssa", "sta", "lla", "lta", "lle", "ksi",
  "an", "en", "in", "on", "un", "yn", "hin", "han", "hen", "hon", "hun", "hyn", "ja", "ia", "ne", "ni", "si"]);

// Whether the letters of `typed` after its first `count` are a case ending.
const endsInCase = (typed, count) => CASE_ENDINGS.has(Array.from(fold(typed)).slice(count).join(""));

// Whether `word` begins with the first `count` letters of `typed`.
const begins = (word, typed, count) => fold(word).startsWith(Array.from(fold(typed)).slice(0, count).join(""));

// How many first letters of `typed` the word Pagefind finds it by has (0 if
// it finds nothing): the most that a word of a page it finds shares, in its
// text or its data (the "su" of a date, the "sählyä" of a summary).
async function sharedBeginning(pf, typed) {
  const found = current((await pf.search(typed)).results, pf).slice(0, 3);
  const letters = Array.from(fold(typed));
  const shared = (word) => {
    let at = 0;
    while (at < word.length && word[at] === letters[at]) at++;
    return at;
  };
  const pages = await Promise.all(found.map((result) => result.data()));
  const texts = pages.flatMap((data) => [data.content, ...Object.values(data.meta)]);
  return Math.max(0, ...words(texts.join(" ")).map((word) => shared(Array.from(fold(word)))));
}

// What each phrase's words together are: the words before the last as
// typed, the last in any of its forms (a phrase is searched as its words,
// then read here).
function together(phrases, formLists, terms) {
  return phrases.map((phrase) => ({
    head: phrase.slice(0, -1).map(fold),
    last: new Set(formLists[terms.indexOf(phrase.at(-1))].map(fold)),
  }));
}

// For each result, whether its text has every pattern's words together.
function haveTogether(found, patterns) {
  return Promise.all(found.map(async (result) => {
    const data = await result.data();
    const text = [data.meta.title, data.meta.summary, data.content].filter(Boolean).join(" \n ");
    const tokens = (text.match(WORD) ?? []).map(fold);
    return patterns.every(({ head, last }) => tokens.some((_, at) =>
      last.has(tokens[at + head.length]) && head.every((word, k) => tokens[at + k] === word)));
  }));
}

// The results with the words together.
async function standingTogether(found, patterns) {
  const kept = await haveTogether(found, patterns);
  return found.filter((_, index) => kept[index]);
}

// Results read to put those with the words together first: each is a file
// to fetch, and a common hyphenated name (Etelä-Karjala) may be on thousands
// of pages of a large site; past these, Pagefind's order stands.
const READ_FOR_ORDER = 5 * PAGE_SIZE;

// The results with the words together, then the others, each in their order.
async function togetherFirst(found, patterns) {
  const read = found.slice(0, READ_FOR_ORDER);
  const first = await haveTogether(read, patterns);
  return [...read.filter((_, index) => first[index]), ...read.filter((_, index) => !first[index]),
          ...found.slice(READ_FOR_ORDER)];
}

// The results of several searches, one per page (its best), best first.
async function merged(pf, queries, filters) {
  const searches = await Promise.all(queries.map((q) => pf.search(q, { filters })));
  const best = new Map();
  for (const search of searches) {
    for (const result of current(search.results, pf)) {
      const seen = best.get(result.id);
      if (!seen || result.score > seen.score) best.set(result.id, result);
    }
  }
  return [...best.values()].sort((a, b) => b.score - a.score);
}

// --- showing ----------------------------------------------------------------

// Append `text` with its words marked where `marked(words)` says so; a
// word is a run of letters and digits, as in words().
function appendMarked(element, text, marked) {
  const parts = text.split(/([\p{L}\p{M}\p{N}]+)/u); // odd parts are words
  const chosen = marked(parts.filter((_, index) => index % 2 === 1));
  parts.forEach((part, index) => {
    if (!part) return;
    if (index % 2 === 1 && chosen.has(part)) {
      const node = document.createElement("mark");
      node.textContent = part;
      element.append(node);
    } else {
      element.append(part);
    }
  });
}

// Pagefind's excerpt is HTML with <mark> around the words its search matched.
// Keep only the text and marks, so nothing in it can become markup here, and
// mark too the other forms of the query words: the excerpt comes from the
// search for one combination of forms. Pagefind's mark covers a whole
// whitespace-separated token (asukastupa@example.org, toiminta-avustus,
// 17.30–20.00); within it only the words of the query are marked: its forms,
// or words that Pagefind matched by prefix or without diacritics, or, when
// Pagefind matched by its stem alone, the token's words.
function appendExcerpt(element, html, forms) {
  const isForm = (word) => forms.has(word.toLowerCase());
  const parsed = new DOMParser().parseFromString(html, "text/html");
  for (const node of parsed.body.childNodes) {
    appendMarked(element, node.textContent, (words) => {
      if (node.nodeName !== "MARK") return new Set(words.filter(isForm));
      for (const match of [isForm, (w) => matches(w, forms)]) {
        const found = words.filter(match);
        if (found.length) return new Set(found);
      }
      return new Set(words);
    });
  }
}

// A word Pagefind would find for the forms: one of them, or one that starts
// with one, with or without diacritics.
function matches(word, forms) {
  const folded = fold(word);
  return [...forms].some((form) => folded.startsWith(fold(form)));
}

function resultItem(data, forms, archived) {
  const meta = data.meta;
  const item = document.createElement("li");
  item.className = "bl-result";
  const heading = document.createElement("h2");
  heading.className = "bl-result__title";
  const link = document.createElement("a");
  link.href = data.url;
  link.textContent = meta.title;
  heading.append(link);
  // Pagefind finds a notice by its association's name too, which only this
  // line shows: the query's words are marked here as well.
  const facts = document.createElement("p");
  facts.className = "bl-result__meta";
  if (archived) {
    item.classList.add("bl-result--archived");
    const label = document.createElement("strong");
    label.className = "bl-result__archived";
    label.textContent = text.archived;
    facts.append(label, " · ");
  }
  appendMarked(facts, [meta.when, meta.association, meta.category ?? meta.kind, meta.expired]
    .filter(Boolean).join(" · "), (words) => new Set(words.filter((w) => forms.has(w.toLowerCase()))));
  let excerpt = document.createElement("p");
  excerpt.className = "bl-result__excerpt";
  // The writer's words in another language than the page's (the build's
  // "lang" filter): said so, as in the listings, for screen readers.
  const lang = data.filters?.lang?.[0];
  if (lang) heading.lang = excerpt.lang = lang;
  appendExcerpt(excerpt, data.excerpt, forms);
  // Found by the summary of the listings, not by the notice's text: the
  // summary shows where the words are.
  if (!excerpt.querySelector("mark") && meta.summary) {
    const summary = excerpt.cloneNode(false);
    appendMarked(summary, meta.summary, (words) => new Set(words.filter((w) => matches(w, forms))));
    if (summary.querySelector("mark")) excerpt = summary;
  }
  item.append(heading, facts, excerpt);
  return item;
}

let results = inOrder([]);
let shown = 0;
let highlight = new Set(); // every form of the query words

async function showMore() {
  const page = await results.next(PAGE_SIZE);
  const items = (await Promise.all(page.map((r) => r.data())))
    .map((data, index) => resultItem(data, highlight, fromArchive.has(page[index])));
  list.append(...items);
  shown += page.length;
  more.hidden = shown >= results.size;
  return items;
}

// "Haettiin myös: konsertti", with a link to search exactly as typed.
function showCorrected(words, state) {
  corrected.querySelector("strong").textContent = words.join(", ");
  corrected.querySelector("a").href = addressOf({ ...state, exact: true });
  corrected.querySelector("span").textContent = state.q;
  corrected.hidden = false;
}

function countText(count, partial) {
  if (count === 0) return text.none;
  if (partial) return count === 1 ? text.partialOne : text.partialMany.replace("{count}", count);
  return count === 1 ? text.countOne : text.countMany.replace("{count}", count);
}

// A day as the site writes an event's: la 5.12.2026.
const weekdays = (text.weekdays ?? "").split(" ");
const dayText = (day) => `${weekdays[(day.getDay() + 6) % 7]} ${day.getDate()}.${day.getMonth() + 1}.${day.getFullYear()}`;

// The status, with the days that words of the query named ("ensi
// viikolla": ma 14.12.2026 – su 20.12.2026), which the reader did not type;
// each once ("joulukuussa tässä kuussa" is one month).
function onDays(status, periods) {
  if (!periods.length) return status;
  const days = periods.map(([first, last]) => (first < last ? `${dayText(first)} – ${dayText(last)}` : dayText(first)));
  return text.onDays.replace("{days}", [...new Set(days)].join(", ")).replace("{status}", status);
}

// --- the form and the address -------------------------------------------------

function readForm() {
  const data = new FormData(form);
  const state = {
    q: (data.get("q") ?? "").trim(),
    upcoming: data.get("upcoming") === "1",
    exact: data.get("exact") === "1",
    archive: data.get("arkisto") === "1",
  };
  for (const key of FILTERS) state[key] = data.get(key) ?? "";
  return state;
}

function fillForm(params) {
  form.elements.q.value = params.get("q") ?? "";
  form.elements.exact.value = params.get("exact") === "1" ? "1" : "";
  for (const key of FILTERS) {
    const select = form.elements[key];
    if (!select) continue; // the type filter, on a site of one kind of page
    const value = params.get(key) ?? "";
    select.value = [...select.options].some((o) => o.value === value) ? value : "";
  }
  form.elements.upcoming.checked = params.get("upcoming") === "1";
  if (form.elements.arkisto) form.elements.arkisto.checked = params.get("arkisto") === "1";
}

// A new search is a new entry in the history, so Back returns to the
// previous search; the address a page was opened with is only tidied.
function addressOf(state) {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  for (const key of FILTERS) if (state[key]) params.set(key, state[key]);
  if (state.upcoming) params.set("upcoming", "1");
  if (state.exact) params.set("exact", "1");
  if (state.archive) params.set("arkisto", "1");
  const query = params.toString();
  return new URL(query ? `?${query}` : location.pathname, location.href).href;
}

function remember(state, isNew) {
  const address = addressOf(state);
  if (isNew && address !== location.href) history.pushState(null, "", address);
  else history.replaceState(null, "", address);
  // The query in the title tells the searches in the history apart.
  document.title = state.q ? `${state.q} – ${pageTitle}` : pageTitle;
}

const pageTitle = document.title;
const CHOICE_PAUSE = 800; // ms, longer than between presses of an arrow key
let latest = 0; // a slower earlier search must not overwrite a newer one

// `wrong`: the address's filters the form does not offer ([{name, value}],
// filter-values.js), said beside each and before the status.
async function run(isNew = false, wrong = []) {
  sayBeside(form, wrong);
  const notes = wrong.map((filter) => notUnderstood(form, filter));
  const say = (words) => { status.textContent = [...notes, words].join(" "); };
  const state = readForm();
  remember(state, isNew);
  const ticket = ++latest;
  list.replaceChildren();
  corrected.hidden = true;
  fromPast.hidden = true;
  more.hidden = true;
  results = inOrder([]);
  shown = 0;
  // A query of only punctuation ("?", "–") has no words to search: not a browse of everything.
  if (!words(state.q).length && !FILTERS.some((key) => state[key]) && !state.upcoming) {
    say(text.prompt);
    return;
  }
  // A day that is none (31.2.) is said so: no page is about it.
  const { impossible: [noDay], periods } = parseQuery(state.q);
  if (noDay) {
    say(text.noDay.replace("{day}", noDay));
    return;
  }
  say(text.loading);
  try {
    const { found, forms, partial, corrected: words, archived } = await find(state);
    if (ticket !== latest) return;
    results = found;
    highlight = forms;
    await showMore();
    if (ticket !== latest) return;
    if (words.length) showCorrected(words, state);
    say(onDays(countText(results.size, partial), periods));
    // How many of them the archive gave, said after the count.
    fromPast.textContent = archived === 1 ? text.archiveOne : (text.archiveMany ?? "").replace("{count}", archived);
    fromPast.hidden = !archived;
  } catch (error) {
    if (ticket !== latest) return;
    say(text.error);
    document.getElementById("bl-search-browse").hidden = false;
    console.error(error);
  }
}

function start() {
  root.hidden = false;
  document.getElementById("bl-search-browse").hidden = true;
  document.getElementById("bl-search-nojs").hidden = true;
  // A closed list changes at each press of an arrow key: the search waits
  // for the reader to stop on a choice, one search and one entry in the
  // history, not one for each option passed.
  let choosing;
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(choosing);
    form.elements.exact.value = ""; // a new query may be corrected again
    run(true);
  });
  form.addEventListener("change", (event) => {
    if (event.target.name === "q") return;
    clearTimeout(choosing);
    if (event.target.tagName === "SELECT") choosing = setTimeout(() => run(true), CHOICE_PAUSE);
    else run(true);
  });
  // Back and Forward between searches: the address says which.
  window.addEventListener("popstate", () => {
    clearTimeout(choosing);
    const params = new URLSearchParams(location.search);
    fillForm(params);
    run(false, notOffered(form, params, CHECKED));
  });
  more.addEventListener("click", async () => {
    const items = await showMore();
    if (items.length) items[0].querySelector("a").focus();
  });
  const params = new URLSearchParams(location.search);
  fillForm(params);
  if ([...params.keys()].length) run(false, notOffered(form, params, CHECKED));
}

start();
