/* The association profile form (yhdistyksen-tiedot/).

   Checks the answers with the association table's own rules (the schema the
   build writes into data-schema from ASSOCIATION_FIELDS in
   plugins/bulletin_contract/fields.py) and writes the association file in the
   canonical form of writer.association_file, with the shared core
   (form-core.js). An update starts from the association's present values,
   fetched from the site when the association is chosen, and keeps its slug
   (the file's name). Nothing is sent anywhere. */
(function () {
  "use strict";

  var core = window.BulletinForm;
  var form = document.querySelector("[data-profile-form]");
  if (!form || !core) {
    return;
  }
  var schema = JSON.parse(form.getAttribute("data-schema"));
  var M = schema.messages;
  var RULES = schema.fields;
  var LEGAL_FORM = new RegExp(schema.legalForm.source, schema.legalForm.flags);
  var MARKER = new RegExp(schema.listMarker.source, schema.listMarker.flags);
  var contract = new BulletinContract.Checker(schema);
  var fields = new core.Fields(form, M);
  var errors = new core.Errors(form, form.querySelector("[data-error-summary]"), M.form_error_prefix);
  var preview = document.querySelector("[data-preview]");
  var bySlug = {};
  var byName = {}; // by the slug of its name: a second file of one name is one association twice (checks.py)
  schema.associations.forEach(function (a) {
    bySlug[a.slug] = a;
    byName[core.slugify(a.name.replace(LEGAL_FORM, ""))] = a;
  });

  // --- an update starts from the present values ------------------------------

  function fill(values) {
    ["name", "description", "website", "email", "phone", "address", "members", "founded",
     "register_number", "business_id"].forEach(function (name) {
      fields.input(name).value = values[name] || "";
    });
    fields.input("offers").value = (values.offers || []).join("\n");
    fields.input("needs").value = (values.needs || []).join("\n");
    form.querySelectorAll("input[name=groups]").forEach(function (box) {
      box.checked = (values.groups || []).indexOf(box.value) >= 0;
    });
    fields.input("retired").checked = values.active === false;
  }

  // Each association's values are a file beside the page (<slug>.json, from
  // bulletin_network/profile_values.py), fetched when it is chosen: the page
  // itself does not carry every association's values.
  var chooser = fields.input("slug");
  var failed = form.querySelector("[data-values-failed]");

  // `failed` is a live region kept in the page, empty when there is nothing to say.
  function sayFailed(message) {
    failed.textContent = message;
    core.describe(chooser, failed.id, Boolean(message));
  }

  function choose(slug) {
    sayFailed("");
    fill({}); // nothing of an earlier choice stays while the values come
    var chosen = bySlug[slug];
    if (!chosen) {
      return;
    }
    fetch(form.getAttribute("data-values") + encodeURIComponent(slug) + ".json", { cache: "no-cache" })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(response.status + " " + response.url);
        }
        return response.json();
      })
      .then(function (values) {
        if (chooser.value === slug) { // not chosen another meanwhile
          fill(values);
        }
      }, function () {
        if (chooser.value === slug) {
          // An update without the present values would drop them: back to a new one.
          chooser.value = "";
          sayFailed(core.format(M.profile_values_failed, { name: chosen.name }));
        }
      });
  }

  // --- checking ---------------------------------------------------------------

  function lines(check, name) {
    // One offer or need a line, each checked like a line of text.
    var rule = RULES[name];
    var items = [];
    fields.value(name).split("\n").forEach(function (line) {
      // a list's marker ("- ", "1. ") is no part of the item (schema.LIST_MARKER)
      var text = core.oneLine(line.replace(MARKER, ""));
      if (!text || items.indexOf(text) >= 0) {
        return;
      }
      if (BulletinContract.isBlank(text)) {
        check.blank(name);
      } else if (core.hasControl(text)) {
        check.fail(name, "form_err_control");
      } else if (core.codePoints(text) > rule.limit) {
        check.fail(name, "form_err_line_too_long", { limit: rule.limit, line: text.slice(0, 40) + "…" });
      }
      items.push(text);
    });
    if (items.length > rule.most) {
      check.fail(name, "form_err_too_many_lines", { most: rule.most, count: items.length });
    }
    return items;
  }

  function businessId(check) {
    var text = check.text("business_id", RULES.business_id, fields.value("business_id").replace(/\s+/g, ""));
    var match = new RegExp(RULES.business_id.pattern).exec(text);
    if (match) {
      // the check digit, with the weights fields.py uses
      var sum = 0;
      schema.businessIdWeights.forEach(function (weight, i) { sum += weight * +match[1].charAt(i); });
      var rest = sum % 11;
      if (rest === 1 || (rest === 0 ? 0 : 11 - rest) !== +match[2]) {
        check.fail("business_id", "form_err_business_id_check");
      }
    }
    return text;
  }

  function checkAnswers() {
    var check = new core.Checker(fields);
    var slug = fields.value("slug");
    var values = {};
    values.name = check.text("name", RULES.name);
    if (!slug && values.name) {
      slug = core.slugify(values.name.replace(LEGAL_FORM, "")); // slugs.association_slug
      var taken = slug && (bySlug[slug] || byName[slug]);
      var named = !check.errors.some(function (error) { return error.name === "name"; }); // by the name's own rule
      if (!slug && named) {  // no letters, or letters whose slug (the file's name) only the other doors make
        check.fail("name", "form_err_in_field", { message: core.format(
          M[core.hasSlug(values.name) ? "form_err_name_latin" : "err_name_no_letters"], { value: values.name }) });
      }
      if (taken) {
        check.fail("name", "form_err_slug_taken", { name: taken.name });
      }
    }
    values.description = check.description("description", RULES.description, contract, M);
    values.groups = Array.from(form.querySelectorAll("input[name=groups]:checked"), function (box) {
      return box.value;
    });
    values.website = check.text("website", RULES.website);
    values.email = check.text("email", RULES.email);
    values.phone = check.text("phone", RULES.phone);
    values.address = check.text("address", RULES.address);
    values.offers = lines(check, "offers");
    values.needs = lines(check, "needs");
    values.members = check.number("members", RULES.members, contract, M);
    values.founded = check.number("founded", RULES.founded, contract, M);
    values.register_number = check.text("register_number", RULES.register_number);
    values.business_id = businessId(check);
    values.active = fields.input("retired").checked ? false : null;
    return { errors: check.errors, values: values, slug: slug };
  }

  // --- the file and the ways to send it ---------------------------------------

  // Fills in the preview and the ways to send; gives the file ({text, name}).
  function prepare(answers) {
    var out = [];
    core.emit(answers.values, RULES, out, "");
    var text = out.join("\n") + "\n";
    var update = Boolean(bySlug[answers.slug]);
    // an update goes over the association's own file, in whichever subfolder it is
    var path = schema.folder + (update ? bySlug[answers.slug].file : answers.slug + ".yml");
    var file = { text: text, name: answers.slug + ".yml" };
    preview.querySelector("[data-file]").value = text;
    preview.querySelector("[data-preview-path]").textContent = path;
    var github = preview.querySelector("[data-send-github]");
    if (github) {
      // GitHub prefills a new file only; an update opens the file to paste over.
      var url = update
        ? "https://github.com/" + schema.repository + "/edit/" + encodeURIComponent(schema.branch) + "/" + path
        : core.githubNewFile(schema.repository, schema.branch, path, text);
      github.hidden = url.length > schema.githubLimit;
      github.href = github.hidden ? "#" : url;
      preview.querySelector("[data-send-github-hint]").textContent = update ? M.profile_github_update : M.profile_github_new;
    }
    preview.querySelector("[data-send-download-hint]").textContent =
      core.format(M.send_download_hint, { filename: file.name });
    var mail = preview.querySelector("[data-send-mail]");
    if (mail) {
      mail.href = "mailto:" + schema.contactEmail +
        "?subject=" + encodeURIComponent(core.format(M.profile_mail_subject, { name: answers.values.name })) +
        "&body=" + encodeURIComponent(M.mail_intro + "\n\n" + path + "\n" + M.mail_begin + "\n" + text + M.mail_end + "\n");
    }
    preview.querySelector("[data-send-copy-status]").textContent = "";
    return file;
  }

  // --- wiring -------------------------------------------------------------------

  chooser.addEventListener("change", function () {
    choose(chooser.value);
  });
  core.flow(form, preview, errors, {
    check: checkAnswers, prepare: prepare, type: "text/yaml;charset=utf-8", M: M, first: "name"
  });

  var asked = new URLSearchParams(window.location.search).get("yhdistys");
  if (asked && bySlug[asked]) {
    chooser.value = asked;
    choose(asked);
  }
  document.querySelector("[data-submit-nojs]").hidden = true;
  form.hidden = false;
}());
