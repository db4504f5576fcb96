// Typing errors: a query word that no page has, matched to the site's words.
//
// Pure functions, no page: search.js loads this module and the vocabulary
// files (haku/sanasto/, bulletin_search/spelling.py) only when a query word
// finds nothing. A word is matched within one edit (a letter added, left
// out or changed, or two letters swapped), two for long words, preferring
// the nearest word, then one with the same first letter, then the most
// frequent. Letters are compared without their diacritics: typing "a" for
// "ä" is no error.

export const MIN_LENGTH = 4; // shorter words have too many neighbours
export const LONG_WORD = 9; // from this length on, two edits

// Letters without their diacritics: Pagefind matches "karhumaki" to
// "Karhumäen", and so does the search page.
export const fold = (word) => word.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "");

const letters = (word) => Array.from(fold(word));

// How many edits a typed word may be from the word it is matched to.
export function maxEdits(word) {
  return letters(word).length >= LONG_WORD ? 2 : 1;
}

// Whether a word as the reader typed it may be corrected: long enough,
// letters only (not 2026 or klo18), and not a name. A capital after the
// query's first word is taken for a name: phones capitalise only the first.
export function correctable(typed, isFirst = true) {
  if (letters(typed).length < MIN_LENGTH || !/^\p{L}+$/u.test(typed.normalize("NFC"))) return false;
  return isFirst || typed === typed.toLowerCase();
}

// Edits between two words (optimal string alignment: a swap of two
// neighbouring letters is one edit), or limit + 1 once it must exceed `limit`.
export function distance(a, b, limit) {
  const x = Array.from(a);
  const y = Array.from(b);
  if (Math.abs(x.length - y.length) > limit) return limit + 1;
  let before = null;
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++) {
      let d = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) d = Math.min(d, before[j - 2] + 1);
      row.push(d);
    }
    if (Math.min(...row) > limit) return limit + 1;
    [before, previous] = [previous, row];
  }
  return Math.min(previous[y.length], limit + 1);
}

// The lengths of the site's words a typed word may be matched to.
export function candidateLengths(word) {
  const size = letters(word).length;
  const edits = maxEdits(word);
  return Array.from({ length: 2 * edits + 1 }, (_, k) => size - edits + k).filter((n) => n >= MIN_LENGTH - 1);
}

// The site's word (a key of `vocabulary`: {word: documents}) that the typed
// word stands for, or null: none near enough, or a word not to correct.
export function correct(typed, vocabulary, isFirst = true) {
  if (!correctable(typed, isFirst)) return null;
  const word = fold(typed);
  const limit = maxEdits(word);
  let best = null;
  for (const [candidate, count] of Object.entries(vocabulary)) {
    const folded = fold(candidate);
    if (folded === word) return null; // a word of the site's: nothing to correct
    const edits = distance(word, folded, limit);
    if (edits > limit) continue;
    const rank = [edits, folded[0] === word[0] ? 0 : 1, -count];
    if (!best || better(rank, candidate, best)) best = { rank, candidate };
  }
  return best ? best.candidate : null;
}

function better(rank, candidate, best) {
  for (let k = 0; k < rank.length; k++) if (rank[k] !== best.rank[k]) return rank[k] < best.rank[k];
  return candidate < best.candidate; // the same result whatever the files' order
}
