// A filter's value in the address that its form does not offer (a link
// edited by hand, an old link: tilat/?paiva=tiistai, haku/?category=xyz)
// filters nothing, and the reader is told so rather than shown a list as if
// it were filtered by it: in the page's status, and beside the filter, in
// the form's [data-filter-error="<name>"] element that describes the field
// (aria-describedby), since a status filled as the page opens is not
// announced. Shared by tilat.js and search.js.

// Whether the form offers `value` for the field `name`: a choice's option
// or a box's value.
export function offered(form, name, value) {
  return [...form.elements].some((element) => element.name === name && (element.tagName === "SELECT"
    ? [...element.options].some((option) => option.value === value) : element.value === value));
}

// The label of what the message `error` describes: a field's label, or a
// group's legend (a group of boxes, described as one).
function labelOf(form, error) {
  const described = form.querySelector(`[aria-describedby~="${error.id}"]`);
  const label = described.tagName === "FIELDSET" ? described.querySelector("legend")
    : form.querySelector(`label[for="${described.id}"]`);
  return label.textContent.trim();
}

// What is said of a filter not understood ({name, value}): its own message
// (data-message beside it, which may say what to write instead), else the form's.
export function notUnderstood(form, { name, value }) {
  const error = form.querySelector(`[data-filter-error="${name}"]`);
  const template = error.dataset.message ?? form.dataset.notUnderstood;
  return template.replace("{label}", labelOf(form, error)).replace("{value}", value);
}

// The filters of `params` (URLSearchParams) not understood: [{name, value}]
// of the fields that say so beside them (`checked`: their names) whose
// value the form does not offer (`offers`, by default `offered`). An empty
// value is no filter, as the form leaves it out.
export function notOffered(form, params, checked, offers = (name, value) => offered(form, name, value)) {
  return [...params].filter(([name, value]) => value !== "" && checked.has(name) && !offers(name, value))
    .map(([name, value]) => ({ name, value }));
}

// Each filter's message beside it: shown for those in `wrong`, hidden for the others.
export function sayBeside(form, wrong) {
  for (const error of form.querySelectorAll("[data-filter-error]")) {
    const said = wrong.filter(({ name }) => name === error.dataset.filterError)
      .map((filter) => notUnderstood(form, filter)).join(" ");
    error.hidden = !said;
    error.textContent = said;
    error.parentElement.classList.toggle("bl-field--error", Boolean(said));
  }
}
