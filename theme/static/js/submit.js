/* The submission form (laheta/).

   Validates the answers with the content contract's own rules (the schema the
   build writes into data-schema from plugins/bulletin_contract/fields.py),
   shows a preview, and writes the notice file in the contract's canonical form
   (the same form as plugins/bulletin_contract/writer.py) with the forms'
   shared core (form-core.js). The script sends nothing anywhere: the person
   chooses a way to send the file. */
(function () {
  "use strict";

  var core = window.BulletinForm;
  var form = document.querySelector("[data-submit-form]");
  if (!form || !core) {
    return;
  }
  var schema = JSON.parse(form.getAttribute("data-schema"));
  var M = schema.messages;
  var FIELDS = schema.fields;
  // people_dates.py's patterns: `la 5.12. klo 18–20`, `5.12.2026`, `18,30`
  var PATTERNS = {
    day: new RegExp(schema.patterns.day, "i"),
    clock: new RegExp(schema.patterns.clock, "i"),
    listSeparator: new RegExp(schema.patterns.listSeparator),
    dayRange: new RegExp(schema.patterns.dayRange, "i"),
    fileMoment: new RegExp(schema.patterns.fileMoment, "g")
  };
  var checker = new BulletinContract.Checker(schema);
  var NAMES_SEPARATOR = new RegExp(schema.namesSeparator.source, schema.namesSeparator.flags); // slugs.NAMES_SEPARATOR
  var strip = BulletinContract.strip; // Python's str.strip(), as people_dates.py reads a date
  var NEW_ASSOCIATION = "-";
  var LEGAL_FORM = new RegExp(schema.legalForm.source, schema.legalForm.flags);
  var fields = new core.Fields(form, M);
  // a field in a message is the form's field, by its label (bulletin_i18n.FileFields' form's twin)
  fields.door = {
    name: function (path) { return fields.label(fieldOf(path.split("."))); },
    write: function (field, value) { return field + ": " + value; }
  };
  var errors = new core.Errors(form, form.querySelector("[data-error-summary]"), M.form_error_prefix);
  var preview = document.querySelector("[data-preview]");

  // --- the notice file: front matter in the canonical form, then the text ---

  function noticeFile(values, body) {
    var lines = ["---"];
    core.emit(values, FIELDS, lines, "");
    lines.push("---");
    return lines.join("\n") + "\n" + writtenBody(body) + "\n";
  }

  function writtenBody(body) {
    return body.replace(/\r\n?/g, "\n").replace(/^\n+|\n+$/g, "");
  }

  // --- dates as people write them, to ISO (as people_dates.py) ---------------
  // Only the form's own question: is this a date or a time at all? Whether
  // the day exists, is in range or is over is the checker's rule (contract.js).

  function hhmm(hours, minutes) {
    return core.pad(+hours, 2) + ":" + (minutes || "00");
  }

  // {iso: "18:00", end: "20:00" or null}
  function parseClock(text) {
    var match = PATTERNS.clock.exec(strip(text));
    if (!match) {
      return { error: "form_err_time" };
    }
    return { iso: hhmm(match[1], match[2]), end: match[3] ? hhmm(match[3], match[4]) : null };
  }

  // {iso: "2026-12-05", start: "18:00" or null, end: "20:00" or null}; no year: the next
  // such day, but a publication date (recent) far ahead is last such day (people_dates.read_day)
  function parseDay(text, recent) {
    var match = PATTERNS.day.exec(strip(text));
    if (!match) {
      // a range of days is no day: where its days go is said (placing.written_date_problems)
      return { error: PATTERNS.dayRange.test(strip(text)) ? "err_day_range" : "form_err_date" };
    }
    var day = match[2], month = match[3], year = match[4];
    var now = siteToday().split("-").map(Number);
    if (match[5]) {
      year = match[5]; month = match[6]; day = match[7];
    } else if (year && year.length === 2) {  // 7.12.26: the nearest such year (people_dates.two_digit_year)
      year = Math.floor(now[0] / 100) * 100 + +year;
      year += year - now[0] > schema.nearestYears ? -100 : now[0] - year > schema.nearestYears ? 100 : 0;
    } else if (!year) {
      var passed = +month < now[1] || (+month === now[1] && +day < now[2]);
      year = now[0] + (passed ? 1 : 0);
      if (recent && (Date.UTC(year, +month - 1, +day) - Date.UTC(now[0], now[1] - 1, now[2])) / 86400000 >
          schema.recentDays) {
        year -= 1;
      }
    }
    var clock = match[8] ? parseClock(match[8]) : { iso: null, end: null };
    if (clock.error) {
      return { error: "form_err_date" };
    }
    var iso = core.pad(+year, 4) + "-" + core.pad(+month, 2) + "-" + core.pad(+day, 2);
    // a weekday written that is another day's: which is meant is the person's to say
    // (people_dates.wrong_weekday, placing.weekday_message)
    var written = match[1] ? schema.weekdayWordsWritten.findIndex(function (word) {
      return word.indexOf(match[1].toLowerCase()) === 0;
    }) : -1;
    var own = (dateOf(iso).getUTCDay() + 6) % 7;
    if (written >= 0 && dateOf(iso).getUTCDate() === +day && written !== own) {
      var names = schema.series.monthDays.days;
      return { error: "err_wrong_weekday",
               values: { day: +day + "." + +month + "." + year, own: names[own], written: names[written] } };
    }
    return { iso: iso, start: clock.iso, end: clock.end };
  }

  function withTime(day, clock) {
    return clock ? day + " " + clock : day;
  }

  // A day read (parseDay) as the file writes it, with its time if it has one.
  function moment(day) {
    return day ? withTime(day.iso, day.start) : null;
  }

  function dateOf(iso) {
    return new Date(Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)));
  }

  function clockOf(iso) {
    return { hour: +iso.slice(0, 2), minute: +iso.slice(3, 5) };
  }

  // A date or time of the file as the form writes it to people: 5.12.2026 klo 18.00
  // (as the issue form and `new` write it: DateFormatter.as_written).
  function finnish(text) {
    return String(text).replace(PATTERNS.fileMoment,
      function (all, y, m, d, hh, mm, h2, m2) {
        if (h2 !== undefined) {
          return M.time_prefix + " " + (+h2) + "." + m2;
        }
        var day = (+d) + "." + (+m) + "." + y;
        return hh === undefined ? day : day + " " + M.time_prefix + " " + (+hh) + "." + mm;
      });
  }

  // --- reading and checking the answers --------------------------------------

  function isEvent() {
    var category = fields.value("category");
    return category === schema.eventCategory || Boolean(category && fields.input("has_event").checked);
  }

  function checkedValues(name) {
    return Array.from(form.querySelectorAll("[name=\"" + name + "\"]:checked"), function (box) {
      return box.value;
    });
  }

  // The core's checker, but what a text holds is checked as the file's value (contract.js).
  function Answers() {
    core.Checker.call(this, fields);
  }
  Answers.prototype = Object.create(core.Checker.prototype);

  // The form's own messages write a day or a time as people do, as the checker's do (message)
  Answers.prototype.fail = function (name, key, values) {
    var written = {};
    Object.keys(values || {}).forEach(function (value) { written[value] = finnish(values[value]); });
    core.Checker.prototype.fail.call(this, name, key, written);
  };

  // Is an answer there at all?
  Answers.prototype.text = function (name, rule) {
    var text = core.oneLine(fields.value(name));
    if (!text && rule.required) {
      this.required(name);
    }
    return text;
  };

  Answers.prototype.day = function (name, required) {
    var text = strip(fields.value(name));
    if (!text) {
      if (required) {
        this.required(name);
      }
      return null;
    }
    var day = parseDay(text, name === "date");
    if (day.error) {
      this.fail(name, day.error, Object.assign({ value: text, key: fields.label(name) }, day.values));
      return null;
    }
    return this.oneTime(name, day, text);
  };

  // Only an event's start takes a range of times (`klo 18–20`); elsewhere its
  // end would be lost (placing.written_date_problems)
  Answers.prototype.oneTime = function (name, read, text) {
    if (read.end && name !== "start_date" && name !== "start_time") {
      this.fail(name, "err_one_time", { value: text, key: fields.label(name) });
      return null;
    }
    return read;
  };

  Answers.prototype.clock = function (name) {
    var text = strip(fields.value(name));
    if (!text) {
      return null;
    }
    var clock = parseClock(text);
    if (clock.error) {
      this.fail(name, clock.error, { value: text });
      return null;
    }
    return this.oneTime(name, clock, text);
  };

  function readEvent(answers) {
    var rules = FIELDS.event.fields;
    var startDay = answers.day("start_date", true);
    var startClock = answers.clock("start_time");
    var endDay = answers.day("end_date", false);
    var endClock = answers.clock("end_time");
    var event = {
      location: answers.text("location", rules.location),
      price: answers.text("price", rules.price),
      registration: answers.text("registration", rules.registration),
      registration_deadline: moment(answers.day("registration_deadline", false)),
      accessibility: answers.text("accessibility", rules.accessibility)
    };
    if (fields.input("repeat").checked) {
      event.repeat = readRepeat(answers);
    }
    if (!startDay) {
      return event;
    }
    // a time may come in its own field or with the day (`la 5.12. klo 18–20`); in both
    // and different, which is meant is the person's to say: neither is dropped
    if (startClock && startDay.start && startClock.iso !== startDay.start) {
      answers.fail("start_time", "form_err_two_times", { other: fields.label("start_date"), first: startDay.start,
                                                         second: strip(fields.value("start_time")) });
    }
    if (startClock && startClock.end && startDay.end && startClock.end !== startDay.end) {
      answers.fail("start_time", "err_two_ends",
        { key: fields.label("start_time"), first: startDay.end, second: strip(fields.value("start_time")) });
    }
    var startTime = startClock ? startClock.iso : startDay.start;
    var rangeEnd = (startClock && startClock.end) || startDay.end;
    if (rangeEnd && endClock && endClock.iso !== rangeEnd) {
      // two ends: which is meant is the person's to say (placing.event_end)
      answers.fail("end_time", "err_two_ends",
        { key: fields.label("end_time"), first: rangeEnd, second: strip(fields.value("end_time")) });
    }
    if (endClock && endDay && endDay.start && endClock.iso !== endDay.start) {
      answers.fail("end_time", "form_err_two_times", { other: fields.label("end_date"), first: endDay.start,
                                                       second: strip(fields.value("end_time")) });
    }
    var endTime = endClock ? endClock.iso : (endDay && endDay.start) || rangeEnd;
    event.start = withTime(startDay.iso, startTime);
    if (endDay) {
      event.end = withTime(endDay.iso, endTime);
    } else if (endClock) {
      // An end time in its own field is written alone, as `new` and the issue
      // form write it: the checker puts it on the start's day, and one before
      // the start (23.00 and 1.00) gets the hint to write the next day.
      event.end = endClock.iso;
    } else if (endTime) {
      // a range with the day (`la 5.12. klo 18–20`): on that day, as the issue form writes it;
      // a time alone when the start has none, which the checker refuses
      event.end = startTime ? startDay.iso + " " + endTime : endTime;
    }
    return event;
  }

  // A series as people choose it: weekdays, how often, the last time, days off.
  function readRepeat(answers) {
    var weekdays = checkedValues("weekdays");
    if (!weekdays.length) {
      answers.fail("weekdays", "form_err_required_choice", { label: core.lowerFirst(fields.label("weekdays")) });
    }
    var often = fields.value("frequency");
    var until = answers.day("until", true);
    var daysOff = [];
    fields.value("except").split(PATTERNS.listSeparator).forEach(function (part) {
      var text = strip(part);
      var day = text ? parseDay(text) : null;
      if (day && day.error) {  // a wrong weekday here too is said as the other doors say it
        // a range here is a break: each of its days to write (placing.written_date_problems)
        var error = day.error === "err_day_range" ? "err_day_range_days_off" : day.error;
        answers.fail("except", error, Object.assign({ value: text, key: fields.label("except") }, day.values));
      } else if (day && answers.oneTime("except", day, text)) {
        // a time is kept, for the checker to refuse as it refuses it from the other doors
        var off = withTime(day.iso, day.start);
        if (daysOff.indexOf(off) < 0) {
          daysOff.push(off);
        }
      }
    });
    return {
      weekdays: weekdays,
      interval: /^[2-9]$/.test(often) ? often : null,
      nth: often === "first" ? ["1"] : often === "last" ? ["-1"] : [],
      until: moment(until),
      except: daysOff
    };
  }

  // "Etsimme tilaa" or "Tarjoamme tilaa", for a notice of tilat only.
  function spaceMode() {
    if (fields.value("category") !== schema.spacesCategory) {
      return "";
    }
    var chosen = form.querySelector("[name=\"space_mode\"]:checked");
    return chosen ? chosen.value : "";
  }

  // The facts of a space wanted (the `wanted` table), as the file holds them.
  function readWanted(answers) {
    var rules = FIELDS.wanted.fields;
    var when = fields.value("wanted_when").split("\n").map(core.oneLine).filter(Boolean);
    if (!when.length) {
      answers.required("wanted_when");
    }
    var season = ["wanted_from", "wanted_until"].map(function (name) {
      return moment(answers.day(name, false));
    });
    return {
      capacity: answers.text("wanted_capacity", rules.capacity),
      when: when,
      times_per_week: answers.text("wanted_times_per_week", rules.times_per_week),
      purposes: checkedValues("wanted_purposes"),
      equipment: checkedValues("wanted_equipment"),
      accessibility: checkedValues("wanted_accessibility"),
      from: season[0],
      until: season[1]
    };
  }

  function readTags() {
    var words = [], slugs = [];
    fields.value("tags").split(",").forEach(function (part) {
      var word = core.oneLine(part);
      // Retki and retki: one tag (fields.Words); a word of letters the form cannot write, by itself
      var slug = core.slugify(word) || word;
      if (word && slugs.indexOf(slug) < 0) {
        words.push(word);
        slugs.push(slug);
      }
    });
    return words;
  }

  // The other associations of a joint notice, by name or identifier, each
  // written by its identifier (one not known as written, for the checker to name).
  function readPartners() {
    var slugs = [];
    fields.value("partners").split(NAMES_SEPARATOR).forEach(function (part) {
      var text = core.oneLine(part);
      var slug = text && (checker.associationSlug(text) || text);
      if (slug && slugs.indexOf(slug) < 0) {
        slugs.push(slug);
      }
    });
    return slugs;
  }

  // The associations offered as the partners are typed: each after the
  // names already written, but none of those nor the notice's own.
  function suggestPartners() {
    var input = fields.input("partners");
    var typing = input.value.split(NAMES_SEPARATOR).pop();
    var done = input.value.slice(0, input.value.length - typing.length); // up to the last separator
    var taken = done.split(NAMES_SEPARATOR).map(function (part) { return checker.associationSlug(part); });
    taken.push(fields.value("association"));
    var list = document.getElementById(input.getAttribute("list"));
    list.textContent = "";
    schema.associations.forEach(function (a) {
      if (taken.indexOf(a.slug) < 0) {
        var option = document.createElement("option");
        option.value = (done ? done + " " : "") + a.name;
        list.appendChild(option);
      }
    });
  }

  // The form field that gave a value of the file (a finding's key path).
  function fieldOf(path) {
    var key = path.join(".");
    var named = { "event.start": "start_date", "event.end": strip(fields.value("end_date")) ? "end_date" : "end_time",
                  contact: "consent", "event.repeat": "weekdays", "event.repeat.weekdays": "weekdays",
                  "event.repeat.interval": "frequency", "event.repeat.nth": "frequency",
                  "event.repeat.until": "until", "event.repeat.except": "except" };
    if (named[key]) {
      return named[key];
    }
    return path.length === 2 ? (path[0] === "event" ? path[1] : path.join("_")) : path[0];
  }

  // The checker's message, naming the field by its label and dates as people write them.
  function message(finding) {
    var name = fieldOf(finding.path);
    var values = {};
    Object.keys(finding.values).forEach(function (key) {
      values[key] = finnish(finding.values[key]);
    });
    var label = fields.label(name);
    if (finding.line) {
      var text = core.format(M[finding.key], Object.assign(values, { key: label }), fields.door);
      return { name: name, message: core.format(M.form_err_body_line, { label: label, line: finding.line, message: text }) };
    }
    return { name: name, message: core.inField(M, finding.key, values, label, fields.door) };
  }

  // Today where the bulletin is (BULLETIN_TIMEZONE), as the build and the
  // commands reckon it: a reader abroad, or past midnight by another
  // clock, gets the verdict `check` gives.
  function siteToday() {
    return core.todayIn(schema.timezone);
  }

  // What the file will hold: the values without the empty ones (as the writer leaves them out).
  function written(values) {
    var out = {};
    Object.keys(values).forEach(function (key) {
      var item = values[key];
      if (item && typeof item === "object" && !Array.isArray(item)) {
        item = written(item);
      }
      if (!core.empty(item)) {
        out[key] = item;
      }
    });
    return out;
  }

  function inFormOrder(errors) {
    var order = Array.from(form.querySelectorAll("[data-field]"), function (wrapper) {
      return wrapper.getAttribute("data-field");
    });
    return errors.map(function (error, index) {
      return { error: error, at: order.indexOf(error.name) * 1000 + index };
    }).sort(function (a, b) { return a.at - b.at; }).map(function (item) { return item.error; });
  }

  function checkAnswers() {
    var answers = new Answers();
    var values = {};
    var extra = {};
    values.title = answers.text("title", FIELDS.title);
    var lang = fields.value("lang");
    values.lang = lang && lang !== schema.siteLanguage ? lang : null; // the site's language is not written

    var association = fields.value("association");
    if (!association) {
      answers.fail("association", "form_err_required_choice", { label: core.lowerFirst(fields.label("association")) });
    } else if (association === NEW_ASSOCIATION) {
      var name = answers.text("association_name", { required: true });
      // one on the list after all, found by its name as the issue form finds it (slugs.named_association)
      var slug = name && checker.associationSlug(name);
      var known = checker.knownAssociations().filter(function (a) { return a.slug === slug; })[0];
      if (known) {
        values.association = known.slug;
        extra.associationName = known.name;
        if (schema.retiredAssociations.indexOf(known) >= 0) {  // checks.retired, as the issue form refuses it
          answers.fail("association_name", "form_err_in_field",
                       { message: core.format(M.err_association_retired, { slug: known.slug }) });
        }
      } else {
        if (name) {
          // the rules of a new association's name (placing.Site.check_name)
          var label = fields.label("association_name");
          try {
            checker.text(name, label, schema.associationName);
            if (!core.slugify(name)) {
              // no letters, or letters whose slug (the association's address) only the other doors make
              answers.fail("association_name", "form_err_in_field", { message: core.format(
                M[core.hasSlug(name) ? "form_err_name_latin" : "err_name_no_letters"], { value: name }) });
            }
          } catch (err) {
            answers.fail("association_name", "form_err_in_field", { message: core.format(M[err.key], err.values) });
          }
        }
        values.association = core.slugify(name.replace(LEGAL_FORM, "")); // slugs.association_slug
        extra.newAssociation = name;
        extra.associationName = name;
      }
    } else {
      values.association = association;
      var option = fields.input("association").selectedOptions[0];
      extra.associationName = option ? option.textContent : association;
    }

    values.category = fields.value("category");
    if (!values.category) {
      answers.fail("category", "form_err_required_choice", { label: core.lowerFirst(fields.label("category")) });
    }

    if (isEvent()) {
      values.event = readEvent(answers);
    }
    if (spaceMode() === "wanted") {
      values.wanted = readWanted(answers);
    } else if (spaceMode() === "offer" && fields.input("space")) {
      values.space = fields.value("space");
    }
    var date = answers.day("date", true);
    values.date = moment(date) || "";
    // an event's notice too: a call open after its info evening (Notice.last_current_day)
    values.expires = moment(answers.day("expires", false));
    values.summary = answers.text("summary", FIELDS.summary);

    var body = fields.value("body").replace(/\r\n?/g, "\n");
    if (BulletinContract.isBlank(body)) { // the checker's "no text" (validate.read_notice)
      answers.required("body");
    }
    values.tags = readTags();
    values.partners = readPartners();

    var contact = { name: answers.text("contact_name", FIELDS.contact.fields.name) };
    if (fields.input("consent").checked) {
      contact.email = answers.text("contact_email", FIELDS.contact.fields.email);
      contact.phone = answers.text("contact_phone", FIELDS.contact.fields.phone);
    }
    if (contact.name || contact.email || contact.phone) {
      contact.consent = fields.input("consent").checked ? true : null;
      values.contact = contact;
    }

    // The checker's verdict on the file these answers make, with its messages.
    var data = written(values);
    delete data.association; // known or new: the editors' matter, as with `add --new-association`
    delete data.category;
    var lead = body.match(/^\n*/)[0].length; // the writer drops blank lines before the text
    var findings = checker.notice(data, writtenBody(body) + "\n", siteToday(), values.association);
    extra.occurrences = checker.occurrences;
    findings.forEach(function (finding) {
      if (finding.line) {
        finding.line += lead;
      }
      answers.errors.push(message(finding));
    });
    extra.date = date ? dateOf(date.iso) : null;
    return { errors: inFormOrder(answers.errors), values: values, body: body, extra: extra };
  }

  // --- the preview ------------------------------------------------------------

  function shortDate(date) {
    return date.getUTCDate() + "." + (date.getUTCMonth() + 1) + "." + date.getUTCFullYear();
  }

  // `2026-12-05 18:00` as the notice page writes it: la 5.12.2026 klo 18.00.
  function weekdayDate(iso) {
    var date = dateOf(iso);
    var text = schema.weekdays[(date.getUTCDay() + 6) % 7] + " " + shortDate(date);
    return iso.length > 10 ? text + " " + M.time_prefix + " " + clockText(iso.slice(11)) : text;
  }

  function clockText(iso) {
    var clock = clockOf(iso);
    return clock.hour + "." + core.pad(clock.minute, 2);
  }

  function writtenMoment(moment) {
    return moment.time === null ? moment.day : moment.day + " " + moment.time;
  }

  function whenText(event) {
    // As the notice page: one day `la 13.12.2026 klo 15.00–16.30`, else a range.
    var start = weekdayDate(event.start);
    if (!event.end) {
      return start;
    }
    // an end written as a time alone ("20:00") is on the start's day
    var end = /^\d\d:\d\d$/.test(event.end) ? event.start.slice(0, 10) + " " + event.end : event.end;
    if (end.slice(0, 10) === event.start.slice(0, 10)) {
      return end.length > 10 ? start + "\u2013" + clockText(end.slice(11)) : start;
    }
    // 00.00 is the end of the day before, 24.00, as the page says it (dates.end_clock):
    // an evening's 20.00–24.00, or the last day's 24.00 of an event over days
    if (event.start.length > 10 && end.slice(11) === "00:00") {
      var lastDay = dayBefore(end);
      if (lastDay === event.start.slice(0, 10)) {
        return start + "\u201324.00";
      }
      return start + " \u2013 " + weekdayDate(lastDay) + " " + M.time_prefix + " 24.00";
    }
    return start + " \u2013 " + weekdayDate(end);
  }

  function dayBefore(iso) {
    return new Date(dateOf(iso).getTime() - 864e5).toISOString().slice(0, 10);
  }

  // The last moment to register as the notice page says it (dates.deadline: 00.00 is the
  // day before's 24.00), under "closed" once over by today (Event.signing_up_over)
  function deadlineFact(deadline) {
    var today = siteToday();
    var over = deadline && (deadline.length > 10 ? deadline <= today + " 00:00" : deadline < today);
    var said = deadline && deadline.slice(11) === "00:00"
      ? weekdayDate(dayBefore(deadline)) + " " + M.time_prefix + " 24.00" : deadline && weekdayDate(deadline);
    return [over ? M.registration_closed : M.registration_deadline, said];
  }

  function facts(rows) {
    var list = core.element("dl", "bl-facts");
    rows.forEach(function (row) {
      if (!row[1]) {
        return;
      }
      var group = core.element("div");
      group.appendChild(core.element("dt", null, row[0]));
      group.appendChild(core.element("dd", null, row[1]));
      list.appendChild(group);
    });
    return list;
  }

  function labels(slugs, vocabulary) {
    return slugs.map(function (slug) { return schema.vocabularies[vocabulary][slug]; }).join(", ");
  }

  function wantedFacts(w) {
    var box = core.element("section", "bl-wanted");
    box.appendChild(core.element("h4", null, M.wanted_title));
    var season = w.from || w.until ? [w.from, w.until].map(function (day) {
      return day ? shortDate(dateOf(day)) : "";
    }).join("\u2013") : "";
    box.appendChild(facts([
      [M.space_capacity, core.format(M.wanted_persons, { count: w.capacity })],
      [M.wanted_when, w.when.join(", ")],
      [M.space_purposes, labels(w.purposes, "space_purposes")],
      [M.space_equipment, labels(w.equipment, "space_equipment")],
      [M.space_accessibility, labels(w.accessibility, "space_accessibility")],
      [M.wanted_season, season]
    ]));
    return box;
  }

  function drawPreview(answers) {
    var v = answers.values;
    var box = preview.querySelector("[data-preview-notice]");
    box.textContent = "";
    var article = core.element("article", "bl-notice");
    var title = core.element("h3", "bl-notice__title", v.title);
    article.appendChild(title);
    var category = schema.categories.filter(function (c) { return c.slug === v.category; })[0];
    article.appendChild(facts([
      [M.notice_association, answers.extra.associationName],
      [M.notice_partners, v.partners.map(function (slug) {
        return checker.knownAssociations().filter(function (a) { return a.slug === slug; })[0].name;
      }).join(", ")],
      [M.notice_category, category ? category.label : v.category],
      [M.notice_published, shortDate(answers.extra.date)]
    ]));
    if (v.event) {
      var details = core.element("div", "bl-event");
      details.appendChild(facts([
        [M.notice_when, whenText(v.event)],
        [M.notice_where, v.event.location],
        [M.notice_price, v.event.price],
        [M.notice_registration, v.event.registration],
        deadlineFact(v.event.registration_deadline),
        [M.notice_accessibility, v.event.accessibility]
      ]));
      var times = answers.extra.occurrences || [];
      if (times.length > 1) {
        // the series' every occurrence, as the notice page lists them
        var all = core.element("details", "bl-event__all");
        all.open = true;
        all.appendChild(core.element("summary", null, core.format(M.series_all, { count: times.length })));
        var list = core.element("ul", "bl-event__occurrences");
        list.setAttribute("data-occurrences", "");
        times.forEach(function (o) {
          var when = { start: writtenMoment(o.start), end: o.end ? writtenMoment(o.end) : null };
          list.appendChild(core.element("li", null, whenText(when)));
        });
        all.appendChild(list);
        details.appendChild(all);
      }
      article.appendChild(details);
    }
    if (v.wanted) {
      article.appendChild(wantedFacts(v.wanted));
    }
    var text = core.element("div", "bl-notice__body");
    var everyLine = schema.lineByLine.indexOf(v.lang) >= 0; // plain Finnish keeps its lines, as on the page
    answers.body.split(/\n\s*\n/).forEach(function (paragraph) {
      if (!paragraph.trim()) {
        return;
      }
      var shown = core.element("p");
      (everyLine ? paragraph.trim().split("\n") : [paragraph.trim()]).forEach(function (line, index) {
        if (index) {
          shown.appendChild(document.createElement("br"));
        }
        shown.appendChild(document.createTextNode(everyLine ? line.trim() : line));
      });
      text.appendChild(shown);
    });
    article.appendChild(text);
    if (v.lang) { // as the notice page: the writer's title and text in their language
      title.lang = v.lang;
      text.lang = v.lang;
    }
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
      ? core.format(M.preview_new_association, { name: answers.extra.newAssociation }) : "";
  }

  // --- the ways to send -------------------------------------------------------

  function randomPart() {
    var bytes = new Uint8Array(4);
    window.crypto.getRandomValues(bytes);
    return Array.from(bytes, function (b) { return "abcdefghijkmnpqrstuvwxyz23456789"[b % 32]; }).join("");
  }

  function filePath(values) {
    // A readable, unique name: date, title and a short random part.
    var title = core.slugify(values.title);
    if (title.length > 50) {
      title = title.slice(0, 50).replace(/-[^-]*$/, "");
    }
    var name = [values.date, title || "ilmoitus", randomPart()].join("-");
    return "content/notices/" + values.date.slice(0, 4) + "/" + name + ".md";
  }

  function mailBody(answers, text) {
    var parts = [M.mail_intro];
    if (answers.extra.newAssociation) {
      parts.push(core.format(M.mail_new_association, { name: answers.extra.newAssociation }));
    }
    parts.push(M.mail_begin + "\n" + text + M.mail_end);
    return parts.join("\n\n") + "\n";
  }

  // Fills in the ways to send; gives the file ({text, name}).
  function prepareSending(answers) {
    var text = noticeFile(answers.values, answers.body);
    var path = filePath(answers.values);
    var file = { text: text, name: path.split("/").pop() };
    preview.querySelector("[data-file]").value = text;

    var github = preview.querySelector("[data-send-github]");
    if (github) {
      var url = core.githubNewFile(schema.repository, schema.branch, path, text);
      var tooLong = url.length > schema.githubLimit;
      github.href = tooLong ? "#" : url;
      github.hidden = tooLong;
      github.setAttribute("data-url-bytes", String(url.length));
      preview.querySelector("[data-send-github-hint]").hidden = tooLong;
      var why = preview.querySelector("[data-send-github-too-long]");
      why.hidden = !tooLong;
      why.textContent = tooLong
        ? core.format(M.send_github_too_long, { size: url.length, limit: schema.githubLimit }) : "";
    }
    preview.querySelector("[data-send-download-hint]").textContent =
      core.format(M.send_download_hint, { filename: file.name });
    var mail = preview.querySelector("[data-send-mail]");
    if (mail) {
      var mailto = "mailto:" + schema.contactEmail +
        "?subject=" + encodeURIComponent(core.format(M.mail_subject, { title: answers.values.title })) +
        "&body=" + encodeURIComponent(mailBody(answers, text));
      mail.href = mailto;
      var long = preview.querySelector("[data-send-mail-too-long]");
      long.hidden = mailto.length <= schema.mailtoLimit;
      long.textContent = long.hidden ? "" : M.send_mail_too_long;
    }
    preview.querySelector("[data-send-copy-status]").textContent = "";
    return file;
  }

  // --- wiring -------------------------------------------------------------------

  function reveal() {
    var event = isEvent();
    form.querySelector("[data-reveal=\"event\"]").hidden = !event;
    var category = fields.value("category");
    form.querySelector("[data-reveal=\"other-category\"]").hidden = !category || category === schema.eventCategory;
    form.querySelector("[data-reveal=\"spaces\"]").hidden = category !== schema.spacesCategory;
    form.querySelector("[data-reveal=\"wanted\"]").hidden = spaceMode() !== "wanted";
    form.querySelector("[data-reveal=\"offer\"]").hidden = spaceMode() !== "offer";
    form.querySelector("[data-reveal=\"repeat\"]").hidden = !fields.input("repeat").checked;
    form.querySelector("[data-reveal=\"new-association\"]").hidden = fields.value("association") !== NEW_ASSOCIATION;
    form.querySelector("[data-reveal=\"consent\"]").hidden = !fields.input("consent").checked;
    // unticked with an address written: say that it will not be published, not drop it silently
    warn("[data-consent-warning]", !fields.input("consent").checked &&
      (strip(fields.value("contact_email")) || strip(fields.value("contact_phone"))), M.consent_warning);
  }

  // A note that something written will be left out, shown while `when` holds:
  // a live region kept in the page (empty, not hidden) so that it is announced.
  function warn(selector, when, message) {
    form.querySelector(selector).textContent = when ? message : "";
  }

  function today() {
    var now = siteToday().split("-").map(Number);
    return now[2] + "." + now[1] + "." + now[0];
  }

  // --- the draft: kept in this browser, offered back, deleted when the person says ---

  var DRAFT_KEY = "bulletin-draft:" + location.pathname;
  var draftBox = document.querySelector("[data-draft]");

  function storage() {
    try {
      return window.localStorage; // may be turned off: then there is no draft
    } catch (err) {
      return null;
    }
  }

  function answersNow() {
    var saved = {};
    Array.from(form.elements).forEach(function (control) {
      if (!control.name) {
        return;
      }
      if (control.type === "checkbox" || control.type === "radio") {
        saved[control.name] = saved[control.name] || [];
        if (control.checked) {
          saved[control.name].push(control.value);
        }
      } else {
        saved[control.name] = control.value;
      }
    });
    return saved;
  }

  function saveDraft() {
    var store = storage();
    var saved = answersNow();
    var typed = Object.keys(saved).some(function (name) {
      return name !== "date" && saved[name] && saved[name].length;
    });
    if (store && typed) {
      try {
        store.setItem(DRAFT_KEY, JSON.stringify(saved));
      } catch (err) {
        // full or refused: the form works without a draft
      }
    }
  }

  function restoreDraft(saved) {
    Array.from(form.elements).forEach(function (control) {
      if (!control.name || !Object.prototype.hasOwnProperty.call(saved, control.name)) {
        return;
      }
      if (control.type === "checkbox" || control.type === "radio") {
        control.checked = saved[control.name].indexOf(control.value) >= 0;
      } else {
        control.value = saved[control.name];
      }
    });
    reveal();
  }

  function offerDraft() {
    var store = storage();
    var text = store && store.getItem(DRAFT_KEY);
    form.querySelector("[data-draft-note]").hidden = !store;
    if (!text) {
      return;
    }
    var saved;
    try {
      saved = JSON.parse(text);
    } catch (err) {
      return;
    }
    draftBox.hidden = false;
    draftBox.querySelector("[data-draft-restore]").addEventListener("click", function () {
      restoreDraft(saved);
      draftBox.hidden = true;
      fields.input("title").focus();
    });
    draftBox.querySelector("[data-draft-discard]").addEventListener("click", function () {
      store.removeItem(DRAFT_KEY);
      draftBox.hidden = true;
      fields.input("title").focus();
    });
  }

  form.addEventListener("input", saveDraft);
  form.addEventListener("change", saveDraft);
  form.addEventListener("change", reveal);
  fields.input("partners").addEventListener("input", suggestPartners);
  fields.input("partners").addEventListener("focus", suggestPartners);
  core.flow(form, preview, errors, {
    check: checkAnswers,
    prepare: function (answers) {
      drawPreview(answers);
      return prepareSending(answers);
    },
    type: "text/markdown;charset=utf-8", M: M, first: "title"
  });

  if (!fields.value("date")) {
    fields.input("date").value = today();
  }
  reveal();
  offerDraft();
  document.querySelector("[data-submit-nojs]").hidden = true;
  form.hidden = false;
}());
