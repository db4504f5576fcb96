// Filters of tilat/: the form's choices are the address's parameters
// (tilat/?hlo=20&paiva=ti&klo=18&esteeton=porrasaton), so a filtered list
// is a link. Filtering happens here, without a round trip; without this
// script the form stays hidden and every space is listed by district.
const form = document.querySelector("[data-space-filters]");
const cards = [...document.querySelectorAll("[data-space]")];
const groups = [...document.querySelectorAll("[data-space-group]")];
const count = document.querySelector("[data-space-count]");
const none = document.querySelector("[data-space-none]");
const districtLinks = [...document.querySelectorAll("[data-district-of]")];
const personsError = document.querySelector("[data-persons-error]");
const DAYS = ["ma", "ti", "ke", "to", "pe", "la", "su"];
const LISTS = { esteeton: "accessibility", varuste: "equipment", kaytto: "purposes" };

function words(text) {
  return text ? text.split(" ") : [];
}

function slots(card) {
  return words(card.dataset.slots).map((text) => {
    const [day, range] = text.split(":");
    const [start, end] = range.split("-").map(Number);
    return { day: Number(day), start, end };
  });
}

// Is the space free on `day` (0 = Monday) and in the hour from `hour`?
// Either may be missing: any day, or any time of the day.
function freeAt(card, day, hour) {
  return slots(card).some((s) => (day === null || s.day === day)
    && (hour === null || (s.start <= hour * 60 && (hour + 1) * 60 <= s.end)));
}

// The people filter: a whole number a space's capacity may be (the
// input's min and max, the contract's), or null when there is none.
// Anything else (hlo=abc, -5, 100000) is not understood: no space is left
// out by it, and the reader is told so rather than shown every space as fitting.
function personsOf(params) {
  const text = (params.get("hlo") ?? "").trim();
  if (text === "") return { persons: null, wrong: null };
  const input = form.elements.hlo;
  const persons = /^[0-9]+$/.test(text) ? Number(text) : NaN;
  const fine = persons >= Number(input.min) && persons <= Number(input.max);
  return fine ? { persons, wrong: null } : { persons: null, wrong: text };
}

function fits(card, params, persons) {
  if (persons !== null && Number(card.dataset.capacity) < persons) return false;
  const day = DAYS.indexOf(params.get("paiva") ?? "");
  const hour = params.get("klo") === null || params.get("klo") === "" ? null : Number(params.get("klo"));
  if ((day >= 0 || hour !== null) && !freeAt(card, day >= 0 ? day : null, hour)) return false;
  for (const [name, data] of Object.entries(LISTS)) {
    const present = words(card.dataset[data]);
    if (!params.getAll(name).every((slug) => present.includes(slug))) return false;
  }
  if (params.get("maksuton") === "1" && card.dataset.free !== "1") return false;
  const district = params.get("alue");
  return !district || card.dataset.district === district;
}

function fillForm(params) {
  for (const element of form.elements) {
    if (!element.name) continue;
    if (element.type === "checkbox") element.checked = params.getAll(element.name).includes(element.value);
    else if (element.tagName !== "BUTTON") element.value = params.get(element.name) ?? "";
  }
}

// Only the parameters that filter: an empty choice is left out of the link.
function formParams() {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form)) if (value !== "") params.append(name, value);
  return params;
}

// `changed`: the reader changed the filters, and hears what they now show
// (all of them too, once the last filter is gone).
function show(params, changed = false) {
  const { persons, wrong } = personsOf(params);
  personsError.hidden = wrong === null;
  personsError.textContent = wrong === null ? "" : personsError.dataset.message.replace("{value}", wrong);
  personsError.closest(".bl-field").classList.toggle("bl-field--error", wrong !== null);
  form.elements.hlo.setAttribute("aria-invalid", String(wrong !== null));
  let shown = 0;
  for (const card of cards) {
    card.hidden = !fits(card, params, persons);
    if (!card.hidden) shown += 1;
  }
  for (const group of groups) group.hidden = !group.querySelector("[data-space]:not([hidden])");
  // a district's link leads only to a district shown, and counts what it shows
  for (const item of districtLinks) {
    const group = document.getElementById(item.dataset.districtOf);
    item.hidden = group.hidden;
    item.querySelector("[data-district-count]").textContent = group.querySelectorAll("[data-space]:not([hidden])").length;
  }
  none.hidden = shown > 0;
  const filtered = [...params.keys()].length > 0;
  const template = !filtered ? form.dataset.countAll : shown === 1 ? form.dataset.countOne : form.dataset.countMany;
  const counted = filtered || changed ? template.replace("{count}", shown) : "";
  // the status is what a screen reader hears: the number not understood first
  count.textContent = wrong === null ? counted : `${personsError.textContent} ${counted}`;
}

function apply() {
  const params = formParams();
  const query = params.toString();
  history.replaceState(null, "", query ? `?${query}` : location.pathname);
  show(params, true);
}

if (form) {
  const params = new URLSearchParams(location.search);
  fillForm(params);
  show(params);
  form.hidden = false;
  form.addEventListener("change", apply);
  form.addEventListener("input", (event) => { if (event.target.type === "number") apply(); });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    apply();
  });
}
