/* The submission form (laheta/).

   Validates the answers with the content contract's own rules (the schema the
   build writes into data-schema from plugins/bulletin_contract/fields.py),
   shows a preview, and writes the notice file in the contract's canonical form
   (the same form as plugins/bulletin_contract/writer.py). The script sends
   nothing anywhere: the person chooses a way to send the file. */
(function () {
  "use strict";

  var form = document.querySelector("[data-submit-form]");
  if (!form) {
    return;
  }
  var schema = JSON.parse(form.getAttribute("data-schema"));
  var M = schema.messages;
  var FIELDS = schema.fields;
  var PATTERNS = {
    iso: new RegExp(schema.patterns.iso),
    finnish: new RegExp(schema.patterns.finnish),
    clock: new RegExp(schema.patterns.clock),
    email: new RegExp(FIELDS.contact.fields.email.pattern),
    phone: new RegExp(FIELDS.contact.fields.phone.pattern)
  };
  var NEW_ASSOCIATION = "-";
  var preview = document.querySelector("[data-preview]");
  var summary = form.querySelector("[data-error-summary]");
  var current = null; // the last valid notice: {text, path, values, ...}

  // --- the shared core (form-core.js): helpers and the canonical file ----------

  var core = window.BulletinForm;
  var format = core.format, pad = core.pad, codePoints = core.codePoints, oneLine = core.oneLine,
    slugify = core.slugify, hasControl = core.hasControl, element = core.element, emit = core.emit,
    lowerFirst = core.lowerFirst;

  function noticeFile(values, body) {
    var lines = ["---"];
    emit(values, FIELDS, lines, "");
    lines.push("---");
    body = body.replace(/\r\n?/g, "\n").replace(/^\n+|\n+$/g, "");
    return lines.join("\n") + "\n" + body + "\n";
  }

  // --- dates: the Finnish way or ISO, to ISO ---------------------------------

  function parseDay(text) {
    var match = PATTERNS.iso.exec(text);
    var year, month, day;
    if (match && match[4] === undefined) {
      year = +match[1]; month = +match[2]; day = +match[3];
    } else if ((match = PATTERNS.finnish.exec(text)) && match[4] === undefined) {
      day = +match[1]; month = +match[2]; year = +match[3];
    } else {
      return { error: "form_err_date" };
    }
    var date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
      return { error: "form_err_date_impossible" };
    }
    return { iso: pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2), date: date };
  }

  function parseClock(text) {
    var match = PATTERNS.clock.exec(text.replace(/^klo\s*/i, ""));
    if (!match || +match[1] > 23 || +match[2] > 59) {
      return { error: "form_err_time" };
    }
    return { iso: pad(+match[1], 2) + ":" + match[2], hour: +match[1], minute: +match[2] };
  }

  // --- reading and checking the answers --------------------------------------

  function input(name) {
    return form.elements[name];
  }

  function value(name) {
    var field = input(name);
    return field ? field.value : "";
  }

  var fields = new core.Fields(form, M);

  function fieldLabel(name) {
    return fields.label(name);
  }

  function isEvent() {
    return value("category") === schema.eventCategory;
  }

  function Checker() {
    core.Checker.call(this, fields);
  }

  Checker.prototype = Object.create(core.Checker.prototype);

  Checker.prototype.day = function (name, required) {
    var text = value(name).trim();
    if (!text) {
      if (required) {
        this.fail(name, "form_err_required_text", { label: lowerFirst(fieldLabel(name)) });
      }
      return null;
    }
    var day = parseDay(text);
    if (day.error) {
      this.fail(name, day.error, { value: text });
      return null;
    }
    return day;
  };

  Checker.prototype.clock = function (name) {
    var text = value(name).trim();
    if (!text) {
      return null;
    }
    var clock = parseClock(text);
    if (clock.error) {
      this.fail(name, clock.error, { value: text });
      return null;
    }
    return clock;
  };

  function checkEvent(check) {
    var rules = FIELDS.event.fields;
    var startDay = check.day("start_date", true);
    var startClock = check.clock("start_time");
    var endDay = check.day("end_date", false);
    var endClock = check.clock("end_time");
    var event = {
      location: check.text("location", rules.location),
      price: check.text("price", rules.price),
      registration: check.text("registration", rules.registration),
      accessibility: check.text("accessibility", rules.accessibility)
    };
    if (!startDay) {
      return { values: event };
    }
    var start = startDay.iso + (startClock ? " " + startClock.iso : "");
    var end = null;
    if (endDay) {
      end = endDay.iso + (endClock ? " " + endClock.iso : "");
    } else if (endClock) {
      if (!startClock) {
        check.fail("end_time", "form_err_end_time_without_start");
      } else {
        end = startDay.iso + " " + endClock.iso;
      }
    }
    if (end) {
      var endDate = end.slice(0, 10);
      var bothTimed = end.length > 10 && start.length > 10;
      if (endDate < startDay.iso || (bothTimed && end < start)) {
        check.fail(endDay ? "end_date" : "end_time", "form_err_end_before_start");
        end = null;
      }
    }
    event.start = start;
    event.end = end;
    return {
      values: event,
      when: { startDay: startDay, startClock: startClock, endDay: endDay || (end ? startDay : null),
              endClock: end ? endClock : null }
    };
  }

  function checkTags(check) {
    var rule = FIELDS.tags;
    var words = [];
    value("tags").split(",").forEach(function (part) {
      var word = oneLine(part);
      if (word && words.indexOf(word) < 0) {
        words.push(word);
      }
    });
    var bad = words.filter(function (word) {
      return !slugify(word) || codePoints(word) > rule.limit || hasControl(word);
    });
    if (bad.length) {
      check.fail("tags", "form_err_tag");
    } else if (rule.most && words.length > rule.most) {
      check.fail("tags", "form_err_too_many_tags", { most: rule.most });
    }
    return words;
  }

  function checkAnswers() {
    var check = new Checker();
    var values = {};
    var extra = {};
    values.title = check.text("title", FIELDS.title);

    var association = value("association");
    if (!association) {
      check.fail("association", "form_err_required_choice", { label: lowerFirst(fieldLabel("association")) });
    } else if (association === NEW_ASSOCIATION) {
      var name = check.text("association_name", { required: true, limit: FIELDS.title.limit });
      if (name && !slugify(name)) {
        check.fail("association_name", "form_err_tag");
      }
      values.association = slugify(name);
      extra.newAssociation = name;
      extra.associationName = name;
    } else {
      values.association = association;
      var option = input("association").selectedOptions[0];
      extra.associationName = option ? option.textContent : association;
    }

    values.category = value("category");
    if (!values.category) {
      check.fail("category", "form_err_required_choice", { label: lowerFirst(fieldLabel("category")) });
    }

    if (isEvent()) {
      var event = checkEvent(check);
      values.event = event.values;
      extra.when = event.when;
    }
    var date = check.day("date", true);
    values.date = date ? date.iso : "";
    extra.date = date;
    if (!isEvent()) {
      var expires = check.day("expires", false);
      values.expires = expires ? expires.iso : null;
    }
    values.summary = check.text("summary", FIELDS.summary);

    var body = value("body").replace(/\r\n?/g, "\n");
    if (!body.trim()) {
      check.fail("body", "form_err_required_text", { label: lowerFirst(fieldLabel("body")) });
    }
    values.tags = checkTags(check);

    var rules = FIELDS.contact.fields;
    var contact = { name: check.text("contact_name", rules.name) };
    if (input("consent").checked) {
      contact.email = check.text("contact_email", rules.email);
      contact.phone = check.text("contact_phone", rules.phone);
    }
    if (contact.name || contact.email || contact.phone) {
      contact.consent = input("consent").checked ? true : null;
      values.contact = contact;
    }
    return { errors: check.errors, values: values, body: body, extra: extra };
  }

  // --- showing errors (GOV.UK / Suomi.fi pattern) -----------------------------

  var errors = new core.Errors(form, summary, M.form_error_prefix);

  function clearErrors() {
    errors.clear();
  }

  function showErrors(list) {
    errors.show(list);
  }

  // --- the preview ------------------------------------------------------------

  function shortDate(date) {
    return date.getUTCDate() + "." + (date.getUTCMonth() + 1) + "." + date.getUTCFullYear();
  }

  function weekdayDate(day, clock) {
    var weekday = schema.weekdays[(day.date.getUTCDay() + 6) % 7];
    var text = weekday + " " + shortDate(day.date);
    return clock ? text + " " + M.time_prefix + " " + clock.hour + "." + pad(clock.minute, 2) : text;
  }

  function whenText(when) {
    // As the notice page: one day `la 13.12.2026 klo 15.00–16.30`, else a range.
    var start = weekdayDate(when.startDay, when.startClock);
    if (!when.endDay) {
      return start;
    }
    if (when.endDay.iso === when.startDay.iso) {
      return when.endClock ? start + "\u2013" + when.endClock.hour + "." + pad(when.endClock.minute, 2) : start;
    }
    return start + " \u2013 " + weekdayDate(when.endDay, when.endClock);
  }

  function facts(rows) {
    var list = element("dl", "bl-facts");
    rows.forEach(function (row) {
      if (!row[1]) {
        return;
      }
      var group = element("div");
      group.appendChild(element("dt", null, row[0]));
      group.appendChild(element("dd", null, row[1]));
      list.appendChild(group);
    });
    return list;
  }

  function drawPreview(answers) {
    var v = answers.values;
    var box = preview.querySelector("[data-preview-notice]");
    box.textContent = "";
    var article = element("article", "bl-notice");
    article.appendChild(element("h3", "bl-notice__title", v.title));
    var category = schema.categories.filter(function (c) { return c.slug === v.category; })[0];
    article.appendChild(facts([
      [M.notice_association, answers.extra.associationName],
      [M.notice_category, category ? category.label : v.category],
      [M.notice_published, shortDate(answers.extra.date.date)]
    ]));
    if (v.event) {
      var details = element("div", "bl-event");
      details.appendChild(facts([
        [M.notice_when, whenText(answers.extra.when)],
        [M.notice_where, v.event.location],
        [M.notice_price, v.event.price],
        [M.notice_registration, v.event.registration],
        [M.notice_accessibility, v.event.accessibility]
      ]));
      article.appendChild(details);
    }
    answers.body.split(/\n\s*\n/).forEach(function (paragraph) {
      if (paragraph.trim()) {
        article.appendChild(element("p", null, paragraph.trim()));
      }
    });
    if (v.contact) {
      var c = v.contact;
      article.appendChild(facts([[M.notice_contact, [c.name, c.email, c.phone].filter(Boolean).join(", ")]]));
    }
    if (v.tags.length) {
      article.appendChild(facts([[M.notice_tags, v.tags.join(", ")]]));
    }
    box.appendChild(article);

    var note = preview.querySelector("[data-preview-new]");
    note.hidden = !answers.extra.newAssociation;
    note.textContent = answers.extra.newAssociation
      ? format(M.preview_new_association, { name: answers.extra.newAssociation }) : "";
  }

  // --- the ways to send -------------------------------------------------------

  function randomPart() {
    var bytes = new Uint8Array(4);
    window.crypto.getRandomValues(bytes);
    return Array.from(bytes, function (b) { return "abcdefghijkmnpqrstuvwxyz23456789"[b % 32]; }).join("");
  }

  function filePath(values) {
    // A readable, unique name: date, title and a short random part.
    var title = slugify(values.title);
    if (title.length > 50) {
      title = title.slice(0, 50).replace(/-[^-]*$/, "");
    }
    var name = [values.date, title || "ilmoitus", randomPart()].join("-");
    return "content/notices/" + values.date.slice(0, 4) + "/" + name + ".md";
  }

  function githubUrl(path, text) {
    return core.githubNewFile(schema.repository, schema.branch, path, text);
  }

  function mailBody(answers, text) {
    var parts = [M.mail_intro];
    if (answers.extra.newAssociation) {
      parts.push(format(M.mail_new_association, { name: answers.extra.newAssociation }));
    }
    parts.push(M.mail_begin + "\n" + text + M.mail_end);
    return parts.join("\n\n") + "\n";
  }

  function prepareSending(answers) {
    var text = noticeFile(answers.values, answers.body);
    var path = filePath(answers.values);
    current = { text: text, path: path, name: path.split("/").pop() };
    preview.querySelector("[data-file]").value = text;

    var github = preview.querySelector("[data-send-github]");
    if (github) {
      var url = githubUrl(path, text);
      var tooLong = url.length > schema.githubLimit;
      github.href = tooLong ? "#" : url;
      github.hidden = tooLong;
      github.setAttribute("data-url-bytes", String(url.length));
      preview.querySelector("[data-send-github-hint]").hidden = tooLong;
      var why = preview.querySelector("[data-send-github-too-long]");
      why.hidden = !tooLong;
      why.textContent = tooLong ? format(M.send_github_too_long, { size: url.length, limit: schema.githubLimit }) : "";
    }
    preview.querySelector("[data-send-download-hint]").textContent =
      format(M.send_download_hint, { filename: current.name });
    var mail = preview.querySelector("[data-send-mail]");
    if (mail) {
      var mailto = "mailto:" + schema.contactEmail +
        "?subject=" + encodeURIComponent(format(M.mail_subject, { title: answers.values.title })) +
        "&body=" + encodeURIComponent(mailBody(answers, text));
      mail.href = mailto;
      var long = preview.querySelector("[data-send-mail-too-long]");
      long.hidden = mailto.length <= schema.mailtoLimit;
      long.textContent = long.hidden ? "" : M.send_mail_too_long;
    }
    preview.querySelector("[data-send-copy-status]").textContent = "";
  }

  function download() {
    core.download(current.text, current.name, "text/markdown;charset=utf-8");
  }

  function copy() {
    core.copy(current.text, preview.querySelector("[data-file]"),
              preview.querySelector("[data-send-copy-status]"), M);
  }

  // --- wiring -------------------------------------------------------------------

  function reveal() {
    var event = isEvent();
    form.querySelector("[data-reveal=\"event\"]").hidden = !event;
    form.querySelector("[data-reveal=\"not-event\"]").hidden = event;
    form.querySelector("[data-reveal=\"new-association\"]").hidden = value("association") !== NEW_ASSOCIATION;
    form.querySelector("[data-reveal=\"consent\"]").hidden = !input("consent").checked;
  }

  function today() {
    var now = new Date();
    return now.getDate() + "." + (now.getMonth() + 1) + "." + now.getFullYear();
  }

  form.addEventListener("change", reveal);
  form.addEventListener("submit", function (event) {
    event.preventDefault(); // nothing is sent: the preview offers the ways
    clearErrors();
    var answers = checkAnswers();
    if (answers.errors.length) {
      showErrors(answers.errors);
      return;
    }
    drawPreview(answers);
    prepareSending(answers);
    form.hidden = true;
    preview.hidden = false;
    preview.querySelector("h2").focus();
  });
  preview.querySelector("[data-send-download]").addEventListener("click", download);
  preview.querySelector("[data-send-copy]").addEventListener("click", copy);
  preview.querySelector("[data-edit]").addEventListener("click", function () {
    preview.hidden = true;
    form.hidden = false;
    input("title").focus();
  });

  if (!value("date")) {
    input("date").value = today();
  }
  reveal();
  document.querySelector("[data-submit-nojs]").hidden = true;
  form.hidden = false;
}());
