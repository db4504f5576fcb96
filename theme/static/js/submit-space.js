/* "Tarjoa tilaa" (laheta/tila/): checks the answers with the space table of
   the schema (exported from plugins/bulletin_contract/fields.py, as the
   notice form's; weekly slots by the checker's own slot rule in contract.js,
   in the checker's own words)
   and writes content/spaces/<name>.yml with the forms' shared core
   (form-core.js): its checker, writer, error summary and ways to send.
   Sends nothing itself. */
(function () {
  "use strict";

  var core = window.BulletinForm;
  var form = document.querySelector("[data-space-form]");
  if (!form || !core) {
    return;
  }
  var schema = JSON.parse(form.getAttribute("data-schema"));
  var RULES = schema.spaceFields;
  var M = schema.spaceMessages;
  var contract = new BulletinContract.Checker(schema);
  var fields = new core.Fields(form, M);
  var errors = new core.Errors(form, form.querySelector("[data-error-summary]"), M.form_error_prefix);
  var result = document.querySelector("[data-space-result]");
  var current = null;

  function chosen(name) {
    return Array.from(form.querySelectorAll("input[name=\"" + name + "\"]:checked"), function (box) {
      return box.value;
    });
  }

  function checkAnswers() {
    var check = new core.Checker(fields);
    var values = {};
    values.name = check.text("name", RULES.name);
    values.association = fields.value("association");
    if (!values.association) {
      check.required("association");
    }
    values.address = check.text("address", RULES.address);
    values.district = fields.value("district");
    values.date = core.todayIn(schema.timezone); // the day it is offered, as `bulletin new --space` writes it
    values.capacity = check.number("capacity", RULES.capacity, contract, schema.messages);
    values.area = check.number("area", RULES.area, contract, schema.messages);
    ["purposes", "equipment", "accessibility"].forEach(function (name) {
      values[name] = chosen(name);
    });
    values.available = fields.value("available").split("\n").map(core.oneLine).filter(Boolean);
    if (values.available.length) {  // by the checker's slot rule (slots.py as contract.js reads it)
      check.parsed("available", RULES.available, values.available, contract, schema.messages);
    }
    values.price = check.text("price", RULES.price);
    values.free = fields.input("free").checked || null;
    values.entry = check.text("entry", RULES.entry);
    var rules = RULES.booking.fields;
    var booking = {};
    ["name", "email", "phone", "url"].forEach(function (key) {
      booking[key] = check.text("booking_" + key, rules[key]);
    });
    if (booking.email || booking.phone) {
      if (fields.input("booking_consent").checked) {
        booking.consent = true;
      } else {
        check.fail("booking_consent", "form_err_consent");
      }
    }
    values.booking = booking;
    values.description = check.description("description", RULES.description, contract, schema.messages);
    return { errors: check.errors, values: values };
  }

  // --- the file and the ways to send it ---------------------------------------

  function prepare(values) {
    var lines = [];
    core.emit(values, RULES, lines, "");
    var text = lines.join("\n") + "\n";
    // a name of its own, as `bulletin new --space` gives it: never another space's file
    var slug = core.slugify(values.name).slice(0, 60).replace(/-+$/, "") || "tila";
    var taken = schema.spaces.map(function (space) { return space.slug; });
    var free = slug;
    for (var number = 2; taken.indexOf(free) >= 0; number++) {
      free = slug + "-" + number;
    }
    var name = free + ".yml";
    current = { text: text, name: name, path: "content/spaces/" + name };
    result.querySelector("[data-file]").value = text;
    result.querySelector("[data-send-download-hint]").textContent =
      core.format(M.send_download_hint, { filename: name });
    var github = result.querySelector("[data-send-github]");
    if (github) {
      var url = core.githubNewFile(schema.repository, schema.branch, current.path, text);
      var tooLong = url.length > schema.githubLimit;
      github.href = tooLong ? "#" : url;
      github.hidden = tooLong;
      result.querySelector("[data-send-github-hint]").hidden = tooLong;
      var why = result.querySelector("[data-send-github-too-long]");
      why.hidden = !tooLong;
      why.textContent = tooLong ? core.format(M.send_github_too_long, { size: url.length, limit: schema.githubLimit }) : "";
    }
    var mail = result.querySelector("[data-send-mail]");
    if (mail) {
      var mailto = "mailto:" + schema.contactEmail +
        "?subject=" + encodeURIComponent(core.format(M.sf_mail_subject, { name: values.name })) +
        "&body=" + encodeURIComponent(M.sf_mail_intro + "\n\n" + current.path + "\n" + M.mail_begin + "\n" +
                                      text + M.mail_end + "\n");
      mail.href = mailto;
      var long = result.querySelector("[data-send-mail-too-long]");
      long.hidden = mailto.length <= schema.mailtoLimit;
      long.textContent = long.hidden ? "" : M.send_mail_too_long;
    }
    result.querySelector("[data-send-copy-status]").textContent = "";
  }

  // --- wiring -------------------------------------------------------------------

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    errors.clear();
    var answers = checkAnswers();
    if (answers.errors.length) {
      result.hidden = true;
      errors.show(answers.errors);
      return;
    }
    prepare(answers.values);
    result.hidden = false;
    result.querySelector("h2").focus();
  });
  result.querySelector("[data-send-download]").addEventListener("click", function () {
    core.download(current.text, current.name, "text/yaml;charset=utf-8");
  });
  result.querySelector("[data-send-copy]").addEventListener("click", function () {
    core.copy(current.text, result.querySelector("[data-file]"),
              result.querySelector("[data-send-copy-status]"), M);
  });

  document.querySelector("[data-space-form-nojs]").hidden = true;
  form.hidden = false;
}());
