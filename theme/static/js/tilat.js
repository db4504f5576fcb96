// Filters of tilat/: the form's choices are the address's parameters
// (tilat/?hlo=20&paiva=ti&klo=18&esteeton=porrasaton), so a filtered list
// is a link. Filtering happens here, without a round trip; without this
// script the form stays hidden and every space is listed by district.
import { notUnderstood, offered, sayBeside } from "./filter-values.js";

const form = document.querySelector("[data-space-filters]");
const cards = [...document.querySelectorAll("[data-space]")];
const groups = [...document.querySelectorAll("[data-space-group]")];
const count = document.querySelector("[data-space-count]");
const none = document.querySelector("[data-space-none]");
const districtLinks = [...document.querySelectorAll("[data-district-of]")];
const DAYS = ["ma", "ti", "ke", "to", "pe", "la", "su"];
const LISTS = { esteeton: "accessibility", varuste: "equipment", kaytto: "purposes" };
// The filters' names, by the fields' own names: form.elements[name] is also
// a field by its id or place ("0") and the collection's own "length" or "item".
const FILTERS = new Set(form ? [...form.elements].map((element) => element.name).filter(Boolean) : []);

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

// Whether the form offers `value` for the parameter `name`: a choice's
// option or a box's value; for the people filter, a whole number a
// space's capacity may be (the input's min and max, the contract's).
function offers(name, value) {
  if (name === "hlo") {
    const input = form.elements.hlo;
    return /^[0-9]+$/.test(value) && Number(value) >= Number(input.min) && Number(value) <= Number(input.max);
  }
  return offered(form, name, value);
}

// The address's filters the form understands, and those it does not
// (hlo=abc, paiva=tiistai, klo=25, alue=Vuoksenniska, a link edited by
// hand): those leave out no space, and the reader is told so rather
// than shown every space, or none, as meeting them. Parameters that are
// no filter of the form's are left as they are.
function understood(params) {
  const used = new URLSearchParams();
  const wrong = [];
  for (const [name, value] of params) {
    if (value === "") continue; // an empty choice: no filter, as the form leaves it out
    if (!FILTERS.has(name) || offers(name, value)) used.append(name, value);
    else wrong.push({ name, value });
  }
  return { used, wrong };
}

function fits(card, params) {
  const persons = Number(params.get("hlo"));
  if (persons > 0 && Number(card.dataset.capacity) < persons) return false;
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

// A status held back while a number is typed, or a closed list is moved
// through with the arrow keys (a change at each press): the list follows
// each step, but a screen reader hears the count once, where the reader stops.
const STEP_PAUSE = 800; // ms
let held;

function say(text, step) {
  clearTimeout(held);
  if (step) held = setTimeout(() => { count.textContent = text; }, STEP_PAUSE);
  else count.textContent = text;
}

// `changed`: the reader changed the filters, and hears what they now show
// (all of them too, once the last filter is gone); `step`: one of several.
function show(params, changed = false, step = false) {
  const { used, wrong } = understood(params);
  // Said beside its filter too, which describes the filter: a status filled
  // as the page opens is not announced.
  sayBeside(form, wrong);
  form.elements.hlo.setAttribute("aria-invalid", String(wrong.some(({ name }) => name === "hlo")));
  let shown = 0;
  for (const card of cards) {
    card.hidden = !fits(card, used);
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
  // filtered: a filter chosen, understood or not (fbclid, utm_source are none)
  const filtered = wrong.length > 0 || [...used.keys()].some((name) => FILTERS.has(name));
  const template = !filtered ? form.dataset.countAll : shown === 1 ? form.dataset.countOne : form.dataset.countMany;
  const counted = filtered || changed ? template.replace("{count}", shown) : "";
  // the status is what a screen reader hears: what was not understood first
  say([...wrong.map((filter) => notUnderstood(form, filter)), counted].filter(Boolean).join(" "), step);
}

function apply(step = false) {
  const params = formParams();
  const query = params.toString();
  history.replaceState(null, "", query ? `?${query}` : location.pathname);
  show(params, true, step);
}

if (form) {
  const params = new URLSearchParams(location.search);
  fillForm(understood(params).used); // the form shows the filters in force
  show(params);
  form.hidden = false;
  form.addEventListener("change", (event) => apply(event.target.tagName === "SELECT"));
  form.addEventListener("input", (event) => { if (event.target.type === "number") apply(true); });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    apply();
  });
}
