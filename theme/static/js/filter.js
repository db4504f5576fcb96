/* Filters of the directory (yhdistykset/) and the cooperation page
   (yhteistyo/): items with data-groups, or data-offers and data-needs, are
   hidden when they do not match. Without this script every item shows. */
(function () {
  "use strict";

  var form = document.querySelector("[data-filter]");
  if (!form) {
    return;
  }
  var status = form.querySelector("[data-filter-status]");
  var group = form.querySelector("[data-filter-group]");
  var text = form.querySelector("[data-filter-text]");
  var items = document.querySelectorAll("[data-groups], [data-offers]");

  function which() {
    var chosen = form.querySelector("[data-filter-which]:checked");
    return chosen ? chosen.value : "";
  }

  function shows(item) {
    if (group && group.value) {
      return item.getAttribute("data-groups").split("|").indexOf(group.value) >= 0;
    }
    if (text) {
      var kind = which();
      var words = text.value.trim().toLocaleLowerCase();
      var offers = item.getAttribute("data-offers");
      var needs = item.getAttribute("data-needs");
      var haystack = kind === "offers" ? offers : kind === "needs" ? needs : offers + "\n" + needs;
      if (kind && !haystack) {
        return false;
      }
      return !words || haystack.toLocaleLowerCase().indexOf(words) >= 0;
    }
    return true;
  }

  function apply() {
    var count = 0;
    items.forEach(function (item) {
      item.hidden = !shows(item);
      count += item.hidden ? 0 : 1;
    });
    // a list with nothing to show goes, and its heading with it
    document.querySelectorAll("[data-filter-section]").forEach(function (list) {
      list.hidden = list.previousElementSibling.hidden = !list.querySelector("li:not([hidden])");
    });
    status.textContent = form.getAttribute("data-shown").replace("{count}", String(count));
  }

  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.hidden = false;
}());
