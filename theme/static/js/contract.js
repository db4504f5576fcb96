/* The content contract's rules in the browser (laheta/).

   `bulletin check` is the judge of a notice file. The submission form writes
   such a file, so before it offers one it runs the checker's own rules on the
   values it is about to write: the field table (kinds, limits, patterns,
   from plugins/bulletin_contract/fields.py), the rules between fields
   (validate.py) and the Markdown checks (body_checks.py) with the checker's
   own patterns and limits, exported into the schema by rules_export.py. Each
   finding is the checker's message key and values, so the form shows the
   checker's message. */
(function () {
  "use strict";

  function compile(pattern, extra) {
    return new RegExp(pattern.source, pattern.flags + (extra || ""));
  }

  function Invalid(key, values) {
    this.key = key;
    this.values = values || {};
  }

  // --- Python's string functions, as the checker uses them ---------------------

  // The checker's white space and blanks, from the page's schema (rules_export.py):
  // JavaScript's \s and trim() call U+FEFF space, Python does not.
  var TEXT_RULES = JSON.parse(document.querySelector("[data-schema]").getAttribute("data-schema")).markdown;
  var PY_SPACE = TEXT_RULES.space;
  var SPLIT = new RegExp("[" + PY_SPACE + "]+");
  var STRIP = new RegExp("^[" + PY_SPACE + "]+|[" + PY_SPACE + "]+$", "g");
  var LSTRIP = new RegExp("^[" + PY_SPACE + "]+");

  function strip(text) {
    return text.replace(STRIP, "");
  }

  // Python's text[:count]: the first `count` characters, an emoji one (not two UTF-16 units).
  function head(text, count) {
    return Array.from(text).slice(0, count).join("");
  }

  // What to write instead of a number refused: the whole numbers within
  // the limits nearest to the first number in it, as fields.Number's
  // refusal says them (22 or 23 for "22,5", 40 for "80", 30 for "noin 30").
  function numberRefusal(text, key, rule) {
    var found = new RegExp(rule.firstNumber.source, rule.firstNumber.flags).exec(text);
    var number = found ? +found[0].replace(/[^0-9.,-]/g, "").replace(",", ".") : rule.least;
    var within = function (n) { return Math.min(Math.max(n, rule.least), rule.most); };
    var lower = within(Math.floor(number)), upper = within(Math.ceil(number));
    var values = { key: key, value: text, least: rule.least, most: rule.most };
    if (lower !== upper) {
      values.lower = lower;
      values.upper = upper;
      return new Invalid("err_number_fraction", values);
    }
    values.example = lower;
    return new Invalid("err_number", values);
  }

  function codePoints(text) {
    return Array.from(text).length;
  }

  // Python's order of two texts: by code points (JavaScript's < compares UTF-16 units).
  function byCodePoints(a, b) {
    var x = Array.from(a), y = Array.from(b);
    for (var i = 0; i < Math.min(x.length, y.length); i++) {
      if (x[i] !== y[i]) {
        return x[i].codePointAt(0) - y[i].codePointAt(0);
      }
    }
    return x.length - y.length;
  }

  function slugify(text) {
    // The forms' one slug function (form-core.js, loaded with this script).
    return window.BulletinForm.slugify(text);
  }

  function expandTabs(line) {
    var out = "";
    Array.from(line).forEach(function (char) {
      out += char === "\t" ? " ".repeat(4 - (codePoints(out) % 4)) : char;
    });
    return out;
  }

  function rstripSpaces(text) {
    return text.replace(/ +$/, "");
  }

  var DECODER = typeof TextDecoder === "function" ? new TextDecoder("utf-8") : null;

  function unquote(text) {
    // urllib.parse.unquote: percent-escapes as UTF-8, bad bytes replaced.
    return text.replace(/(?:%[0-9a-fA-F]{2})+/g, function (run) {
      var bytes = new Uint8Array(run.length / 3);
      for (var i = 0; i < bytes.length; i++) {
        bytes[i] = parseInt(run.substr(i * 3 + 1, 2), 16);
      }
      return DECODER.decode(bytes);
    });
  }

  var entityBox = null;

  function htmlUnescape(text) {
    // html.unescape: a textarea's content is read as text with its entities.
    if (text.indexOf("&") < 0) {
      return text;
    }
    entityBox = entityBox || document.createElement("textarea");
    entityBox.innerHTML = text.replace(/</g, "&lt;");
    return entityBox.value;
  }

  // --- the field table ------------------------------------------------------------

  function Checker(schema) {
    this.schema = schema;
    var r = schema.markdown;
    var P = {};
    Object.keys(r.patterns).forEach(function (name) {
      P[name] = compile(r.patterns[name]);
    });
    this.P = P;
    this.markdownRules = r;
    addressRules = { rules: r, messages: schema.messages };
  }

  var CONTROL = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufffe\uffff]/;
  // fields.is_blank: Python's white space, format characters, and the ones drawn as nothing
  var BLANK = new RegExp("^[" + PY_SPACE + "\\p{Cf}" + TEXT_RULES.drawnAsNothing + "]*$", "u");

  // The Text rule's one line: runs of (Python's) white space become one space.
  function oneLine(value) {
    return value.split(SPLIT).filter(Boolean).join(" ");
  }

  var MARK = /[\p{Mn}\p{Me}]/u;

  // The most combining marks in a row (fields._stacked_marks).
  function stackedMarks(t) {
    var most = 0, run = 0;
    Array.from(t).forEach(function (c) {
      run = MARK.test(c) ? run + 1 : 0;
      most = Math.max(most, run);
    });
    return most;
  }

  // One line of text by the Text rule of the schema (`rule`: its limit and marks).
  function text(value, key, rule) {
    var t = oneLine(value);
    if (BLANK.test(t)) {
      throw new Invalid("err_empty", { key: key });
    }
    if (CONTROL.test(t)) {
      throw new Invalid("err_control_char", { key: key });
    }
    if (rule.marks && stackedMarks(t) > rule.marks) {
      throw new Invalid("err_stacked_marks", { key: key, count: stackedMarks(t), most: rule.marks });
    }
    if (codePoints(t) > rule.limit) {
      throw new Invalid("err_too_long", { key: key, length: codePoints(t), limit: rule.limit });
    }
    refuseLookalikeAddress(t, key);
    return t;
  }

  /* fields.refuse_lookalike (slugs.lookalike): the first word with a letter
     of another script among Latin ones, or a full-width letter, refused
     naming the letter and the word in Latin letters. `data`: a Name rule's
     lookalikes (schema.py); `messages`: the scripts' names among them. */
  function refuseLookalike(data, messages, value, key) {
    var found = lookalike(data, messages, value);
    if (found) {
      found.key = key;
      throw new Invalid(found.fixed ? "err_lookalike_letter" : "err_lookalike_other", found);
    }
  }

  // slugs.lookalike: {word, letter, script (its name), code, fixed} of the first such word, or null
  function lookalike(data, messages, value) {
    var latin = new RegExp("[" + data.latin + "]");
    function script(char) {
      return Object.keys(data.scripts).filter(function (name) {
        return new RegExp("^[" + data.scripts[name] + "]$").test(char);
      })[0];
    }
    function twin(char) {
      var of = script(char);
      return !of ? char : of === data.fullWidth ? char.normalize("NFKC") : data.letters[char] || "";
    }
    var words = value.match(compile(data.word, "g")) || [];
    for (var i = 0; i < words.length; i += 1) {
      var letters = Array.from(words[i]);
      var letter = letters.filter(function (char) {
        var of = script(char);
        return of && (latin.test(words[i]) || of === data.fullWidth);
      })[0];
      if (letter !== undefined) {
        var twins = letters.map(twin);
        return { word: words[i], letter: letter, script: messages[script(letter)],
                 fixed: twins.every(Boolean) ? twins.join("") : "",
                 code: "U+" + letter.codePointAt(0).toString(16).toUpperCase().padStart(4, "0") };
      }
    }
    return null;
  }

  /* slugs.address_lookalike: [message key, values] for a web or e-mail
     address whose site's name has a lookalike letter, or null. `rules`:
     the schema's markdown rules (their lookalikes and address pattern). */
  function addressLookalike(rules, messages, address) {
    var rest = address.replace(/^https?:\/\//i, "");
    var host = rest.split(/[/?#]/)[0].split("@").pop().split(":")[0];
    var found = lookalike(rules.lookalikes, messages, host);
    if (!found) {
      return null;
    }
    found.url = head(address, 80);
    found.fixed = found.fixed ? head(address.split(found.word).join(found.fixed), 80) : "";
    return [found.fixed ? "err_lookalike_address" : "err_lookalike_address_other", found];
  }

  // fields.refuse_lookalike_address: every text field
  var addressRules = null;  // {rules, messages}: the page's Checker's

  function refuseLookalikeAddress(value, key) {
    if (!addressRules) {
      return;
    }
    var each = compile(addressRules.rules.patterns.address, "g"), match;
    while ((match = each.exec(value)) !== null) {
      var found = addressLookalike(addressRules.rules, addressRules.messages, match[0]);
      if (found) {
        found[1].key = key;
        throw new Invalid(found[0], found[1]);
      }
    }
  }

  // A Pattern rule of fields.py: an e-mail or web address, a phone number.
  function pattern(rule, value, key) {
    var t = strip(value);
    // fields.WebAddress: an address browsers cannot open (a port past 65535) is none
    if (codePoints(t) > rule.limit || !new RegExp(rule.pattern).test(t) || (rule.kind === "url" && addressUnreadable(t))) {
      throw new Invalid(rule.message, { key: key, value: head(t, 80) });
    }
    return t;
  }

  var ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}))?$/;
  var CLOCK = /^(\d{1,2})[:.](\d{2})$/;

  // fields._impossible_clock: 24:00 gets the field's own message (When.midnight)
  function impossibleClock(hours, minutes, key, value, rule) {
    var midnight = +hours === 24 && +minutes === 0 && rule.midnight;
    return new Invalid(midnight || "err_clock_impossible", { key: key, value: strip(value) });
  }

  Checker.prototype.when = function (value, key, rule) {
    var match = ISO.exec(strip(value));
    if (!match) { // fields.parse_when: only ISO digits, 0-9, are a date
      throw new Invalid("err_date", { key: key, value: strip(value) });
    }
    var years = this.schema.years;
    var y = +match[1], m = +match[2], d = +match[3];
    if (y < years[0] || y > years[1]) {
      throw new Invalid("err_date_range", { key: key, value: strip(value), first: years[0], last: years[1] });
    }
    var day = new Date(Date.UTC(y, m - 1, d));
    var real = day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d;
    if (!real) {
      throw new Invalid("err_date_impossible", { key: key, value: strip(value) });
    }
    if (match[4] !== undefined && (+match[4] > 23 || +match[5] > 59)) {
      throw impossibleClock(match[4], match[5], key, value, rule);
    }
    var moment = { day: match[0].slice(0, 10), time: match[4] === undefined ? null : match[4] + ":" + match[5] };
    if (!clockExists(moment)) {
      throw new Invalid("err_time_gap", { key: key, value: strip(value) });
    }
    return moment;
  };

  Checker.prototype.parse = function (rule, value, key) {
    switch (rule.kind) {
    case "text":
    case "name":
      return this.text(value, key, rule);
    case "datetime":
      return this.when(value, key, rule);
    case "end":
      var clock = CLOCK.exec(strip(value));
      if (clock) {
        if (+clock[1] > 23 || +clock[2] > 59) {
          throw impossibleClock(clock[1], clock[2], key, value, rule);
        }
        return { day: null, time: clock[1].padStart(2, "0") + ":" + clock[2] };
      }
      return this.when(value, key, rule);
    case "list":
      asList(value, key, ["sana", "toinen sana"]);
      if (rule.most !== undefined && value.length > rule.most) {
        throw new Invalid("err_too_many_words", { key: key, count: value.length, most: rule.most });
      }
      return value.map(function (item) {
        var word = text(item, key, rule);
        if (!window.BulletinForm.hasSlug(word)) {
          throw new Invalid("err_tag", { key: key, value: word });
        }
        return word;
      });
    case "email":
    case "phone":
    case "url":
    case "register_number":
      return pattern(rule, value, key);
    case "lang":
      // The form offers the site's languages, tags as langcodes writes them
      // (the settings are checked so); langcodes itself does not run here.
      var tag = strip(value);
      var site = this.schema.siteLanguage;
      if (!this.schema.languages.some(function (language) { return language.tag === tag; })) {
        throw new Invalid(rule.message || "err_lang", { key: key, value: head(tag, 80),
          examples: this.schema.languages.filter(function (language) { return language.tag !== site; })
            .map(function (language) { return language.tag + " (" + language.name + ")"; }).join(", ") });
      }
      return tag;
    case "date":
      var day = this.when(value, key, rule);
      if (day.time !== null) {
        throw new Invalid("err_day_only", { key: key, value: strip(value), day: day.day });
      }
      return day;
    case "number":
      var written = strip(value);
      var thousands = new RegExp("^(?:" + rule.thousands.source + ")$", rule.thousands.flags);
      var number = thousands.test(written) ? written.replace(/[^0-9]/g, "") : written;
      var digits = new RegExp("^[0-9]{1," + String(rule.most).length + "}$");
      if (!digits.test(number) || +number < rule.least || +number > rule.most) {
        throw numberRefusal(written, key, rule);
      }
      return +number;
    case "weekdays":
      var names = this.schema.weekdayWords;
      return items(value, key, ["ti", "to"]).map(function (word) {
        if (names.indexOf(word) < 0) {
          var short = head(word.toLowerCase(), 2);
          throw new Invalid(names.indexOf(short) >= 0 ? "err_weekday_suggest" : "err_weekday",
                            { key: key, value: word, short: short, allowed: names.join(", ") });
        }
        return names.indexOf(word);
      }).filter(unique).sort();
    case "ordinals":
      return items(value, key, ["1", "-1"]).map(function (word) {
        if (!/^-?[1-5]$/.test(word)) {
          throw new Invalid("err_nth", { key: key, value: word });
        }
        return +word;
      }).filter(unique).sort(function (a, b) { return a - b; });
    case "days":
      var self = this;
      var list = items(value, key, ["\"2027-03-02\""]);
      if (list.length > rule.most) {
        throw new Invalid("err_too_many_words", { key: key, count: list.length, most: rule.most });
      }
      return everyItem(list, function (item) { return self.parse({ kind: "date" }, item, key); });
    case "slots":
      if (!asList(value, key, [this.schema.slotExample]).length) {
        throw new Invalid("err_empty_list", { key: key, example: this.schema.slotExample });
      }
      var self = this;
      var found = [];
      value.forEach(function (item) {
        if (typeof item !== "string") {
          throw new Invalid("err_list_item", { key: key });
        }
        found = found.concat(self.slot(item, key));
      });
      return found;
    case "choices":
      return this.choices(rule, value, key);
    case "associations":
      return this.associations(rule, value, key);
    case "fixed":
      if (rule.words.indexOf(strip(value)) < 0) {
        throw new Invalid("err_status", { key: key, value: strip(value), allowed: rule.words.join(", ") });
      }
      return strip(value);
    default:
      return value;
    }
  };

  // --- weekly slots (slots.py) and vocabularies (fields.Choices) -----------------

  function minutes(hours, mins, key, text) {
    var h = +hours, m = +(mins || 0);
    if (h > 24 || m > 59 || (h === 24 && m)) {
      throw new Invalid("err_slot_clock", { key: key, value: text });
    }
    return h * 60 + m;
  }

  /* One written slot (`ti 17-21`, `ma–pe klo 8.00–16.00`) to [{day, start,
     end}] as slots.parse_slot reads it, with its patterns from the schema. */
  Checker.prototype.slot = function (text, key) {
    var s = this.schema;
    var line = text.split(SPLIT).filter(Boolean).join(" ");
    var match = compile(s.slotPattern).exec(line);
    if (!match) {
      var several = (line.match(compile(s.slotHours, "g")) || []).length > 1;
      if (compile(s.slotOften).test(line) && !several) {  // not every week: the weekly time to write (slots._weekly)
        var weekly = line.replace(compile(s.slotOften, "g"), " ").split(SPLIT).filter(Boolean).join(" ");
        throw new Invalid("err_slot_not_weekly", { key: key, value: text,
          example: compile(s.slotPattern).test(weekly) ? "\"" + weekly + "\"" : s.slotExample });
      }
      throw new Invalid(several ? "err_slot_several" : "err_slot", { key: key, value: text, example: s.slotExample });
    }
    var clock = match.slice(-4);
    var start = minutes(clock[0], clock[1], key, text);
    var end = minutes(clock[2], clock[3], key, text);
    if (end <= start) {
      throw new Invalid("err_slot_order", { key: key, value: text });
    }
    if (match.groups.group) {  // arkisin: several days in one word
      return s.slotGroups[match.groups.group.toLowerCase()].map(function (day) {
        return { day: day, start: start, end: end };
      });
    }
    var days = [];
    var word = compile(s.slotDay, "g"), found;
    while ((found = word.exec(match.groups.days)) !== null) {
      days.push(s.slotDays.indexOf(found[1].toLowerCase()));
    }
    if (match.groups.range) {  // ma–pe; not the hyphen of tiistai-iltaisin
      if (days[1] < days[0]) {
        throw new Invalid("err_slot_days", { key: key, value: text });
      }
      var range = [];
      for (var d = days[0]; d <= days[1]; d++) {
        range.push(d);
      }
      days = range;
    }
    return days.filter(unique).sort().map(function (day) {
      return { day: day, start: start, end: end };
    });
  };

  Checker.prototype.choices = function (rule, value, key) {
    var allowed = this.schema.vocabularies[rule.choices];
    var slugs = Object.keys(allowed);
    asList(value, key, slugs.slice(0, 2));
    var byLabel = {};
    slugs.forEach(function (slug) { byLabel[slugify(allowed[slug])] = slug; });
    var chosen = [];
    var unknown = [];
    value.forEach(function (item) {
      if (typeof item !== "string") {
        throw new Invalid("err_list_item", { key: key });
      }
      var word = strip(item);
      if (slugs.indexOf(word) < 0) {
        var close = Object.prototype.hasOwnProperty.call(byLabel, slugify(word)) ? [byLabel[slugify(word)]]
          : closeMatches(slugify(word) || word, slugs, 1, 0.5);
        if (!close.length) {  // nothing near: every value it may be
          throw new Invalid("err_vocabulary_choices", { key: key, value: head(word, 40), choices: slugs.join(", ") });
        }
        unknown.push([head(word, 40), close[0]]);
        word = close[0];
      }
      if (chosen.indexOf(word) < 0) {
        chosen.push(word);
      }
    });
    if (unknown.length === 1) {
      throw new Invalid("err_vocabulary", { key: key, value: unknown[0][0], nearest: unknown[0][1] });
    }
    if (unknown.length) {  // the whole list to write, at once
      throw new Invalid("err_vocabulary_several", {
        key: key, values: unknown.map(function (pair) { return pair[0]; }).join(", "), fixed: chosen.join(", ")
      });
    }
    return chosen;
  };

  // --- associations (fields.Association, fields.Slugs) ------------------------------

  // Every association check knows: a retired one too (checks.retired names it so).
  Checker.prototype.knownAssociations = function () {
    return this.schema.associations.concat(this.schema.retiredAssociations);
  };

  // slugs.name_words: the words of a name that tell associations apart, each once
  function nameWords(name) {
    return slugify(name).split("-").filter(function (word, index, words) {
      return ["ry", "r", "y", ""].indexOf(word) < 0 && words.indexOf(word) === index;
    });
  }

  // slugs.same_name: the same words, or all but one word of the longer name (at least two kept)
  function sameName(written, name) {
    var small = written.length <= name.length ? written : name, large = small === written ? name : written;
    return small.every(function (word) { return large.indexOf(word) >= 0; }) && small.length >= 2 &&
      large.length - small.length <= 1;
  }

  /* The identifier of the association written by it or by its name, with
     or without "ry", or by its name's words when they are one association's
     (slugs.named_association), or null: the form writes partners by
     identifier, as it writes its own association. */
  Checker.prototype.associationSlug = function (text) {
    if (this.lookalike(text)) {
      return null;  // looks like a name on the list, but is another text: refused, not taken for it
    }
    var slug = slugify(text), plain = slug.replace(compile(this.schema.slugLegalForm), "");
    var known = this.knownAssociations();
    var found = known.filter(function (a) {
      return a.slug === slug || a.slug === plain || slugify(a.name) === slug;
    })[0];
    var words = nameWords(text);
    var close = known.filter(function (a) { return sameName(words, nameWords(a.name)); });
    return found ? found.slug : close.length === 1 ? close[0].slug : null;
  };

  // fields.refuse_lookalike of an association written by name: its Invalid, or null
  Checker.prototype.lookalike = function (text, key) {
    try {
      refuseLookalike(this.schema.associationName.lookalikes, this.schema.messages, text, key);
      return null;
    } catch (err) {
      if (!(err instanceof Invalid)) {
        throw err;
      }
      return err;
    }
  };

  /* slugs.joined_names: two known associations' names written with "ja"
     between them, as written ([first, second]), or null. */
  Checker.prototype.joinedNames = function (text) {
    var joint = compile(this.schema.namesJoined, "g"), found;
    while ((found = joint.exec(text)) !== null) {
      var first = strip(text.slice(0, found.index)), second = strip(text.slice(found.index + found[0].length));
      if (this.associationSlug(first) && this.associationSlug(second)) {
        return [first, second];
      }
    }
    return null;
  };

  // fields.Slugs: known associations, each once; one not known named with the nearest
  Checker.prototype.associations = function (rule, value, key) {
    var self = this, known = this.knownAssociations().map(function (a) { return a.slug; }).sort(byCodePoints);
    asList(value, key, ["yhdistyksen-tunnus", "toinen-yhdistys"]);
    if (value.length > rule.most) {
      throw new Invalid("err_too_many_items", { key: key, count: value.length, most: rule.most });
    }
    return everyItem(value, function (item) {
      var text = strip(item);
      var joined = known.indexOf(text) < 0 && self.joinedNames(text);
      if (joined) {
        throw new Invalid("err_associations_joined", { key: key, value: text, first: joined[0], second: joined[1] });
      }
      var lookalike = known.indexOf(text) < 0 && self.lookalike(text, key);
      if (lookalike) {  // fields.Association
        throw lookalike;
      }
      if (known.indexOf(text) < 0) {
        var near = slugify(text);
        var close = closeMatches(near, known, 3, 0.6);
        throw new Invalid("err_association", { key: key, value: text, allowed: (close.length ? close : known).join(", "),
                                               file: near || "yhdistyksen-nimi" });
      }
      return text;
    }).filter(unique);
  };

  // difflib.SequenceMatcher(None, a, b).ratio(), which names the nearest value.
  function ratio(a, b) {
    a = Array.from(a);
    b = Array.from(b);
    var b2j = {};
    b.forEach(function (c, j) {
      (b2j[c] = b2j[c] || []).push(j);
    });
    if (b.length >= 200) { // difflib's autojunk: very common characters are not matched from
      var most = Math.floor(b.length / 100) + 1;
      Object.keys(b2j).forEach(function (c) {
        if (b2j[c].length > most) {
          delete b2j[c];
        }
      });
    }
    function longest(alo, ahi, blo, bhi) {
      var bi = alo, bj = blo, size = 0, j2len = {};
      for (var i = alo; i < ahi; i++) {
        var next = {};
        var js = Object.prototype.hasOwnProperty.call(b2j, a[i]) ? b2j[a[i]] : [];
        for (var n = 0; n < js.length; n++) {
          var j = js[n];
          if (j < blo) {
            continue;
          }
          if (j >= bhi) {
            break;
          }
          var k = next[j] = (j2len[j - 1] || 0) + 1;
          if (k > size) {
            bi = i - k + 1; bj = j - k + 1; size = k;
          }
        }
        j2len = next;
      }
      while (bi > alo && bj > blo && a[bi - 1] === b[bj - 1]) {
        bi--; bj--; size++;
      }
      while (bi + size < ahi && bj + size < bhi && a[bi + size] === b[bj + size]) {
        size++;
      }
      return [bi, bj, size];
    }
    var matched = 0, queue = [[0, a.length, 0, b.length]];
    while (queue.length) {
      var q = queue.pop();
      var m = longest(q[0], q[1], q[2], q[3]);
      if (m[2]) {
        matched += m[2];
        if (q[0] < m[0] && q[2] < m[1]) {
          queue.push([q[0], m[0], q[2], m[1]]);
        }
        if (m[0] + m[2] < q[1] && m[1] + m[2] < q[3]) {
          queue.push([m[0] + m[2], q[1], m[1] + m[2], q[3]]);
        }
      }
    }
    return a.length + b.length ? 2 * matched / (a.length + b.length) : 1;
  }

  // difflib.get_close_matches: the best `n` at or above `cutoff`, best first.
  function closeMatches(word, possibilities, n, cutoff) {
    return possibilities.map(function (x) { return [ratio(x, word), x]; })
      .filter(function (pair) { return pair[0] >= cutoff; })
      .sort(function (p, q) { return q[0] - p[0] || (q[1] > p[1] ? 1 : q[1] < p[1] ? -1 : 0); })
      .slice(0, n).map(function (pair) { return pair[1]; });
  }

  function unique(item, index, all) {
    return all.indexOf(item) === index;
  }

  // fields._list: a list; `key:` with nothing after it is an empty one
  function asList(value, key, examples) {
    if (typeof value === "string" && !strip(value)) {
      throw new Invalid("err_empty_list", { key: key, example: examples.slice(0, 1).join(", ") });
    }
    if (!Array.isArray(value)) {
      throw new Invalid("err_not_list", { key: key, example: examples.join(", ") });
    }
    return value;
  }

  // fields.every_item: each item's fault told in one run (Invalid.more)
  function everyItem(list, read) {
    var faults = [];
    var found = list.map(function (item) {
      try {
        return read(item);
      } catch (err) {
        if (!(err instanceof Invalid)) {
          throw err;
        }
        faults.push(err);
        return null;
      }
    });
    if (faults.length) {
      faults[0].more = faults.slice(1);
      throw faults[0];
    }
    return found;
  }

  // fields._items: a list of at least one text
  function items(value, key, examples) {
    if (!asList(value, key, examples).length) {
      throw new Invalid("err_empty_list", { key: key, example: examples[0] });
    }
    return value.map(strip);
  }

  // _apply_table: every value through its rule; findings keep the key path.
  Checker.prototype.table = function (data, table, path, found) {
    var self = this;
    var values = {};
    Object.keys(data).forEach(function (key) {
      var here = path.concat([key]);
      var rule = table[key];
      if (rule.kind === "mapping") {
        values[key] = self.table(data[key], rule.fields, here, found);
        return;
      }
      try {
        values[key] = self.parse(rule, data[key], here.join("."));
      } catch (err) {
        if (!(err instanceof Invalid)) {
          throw err;
        }
        // validate._apply_table: an empty list of an optional field may rather go
        var optional = err.key === "err_empty_list" && !rule.required;
        [err].concat(err.more || []).forEach(function (fault) {
          found.push({ path: here, key: optional ? "err_empty_list_optional" : fault.key, values: fault.values });
        });
      }
    });
    return values;
  };

  // --- the event's time (event_rules.py, schedule.py) ------------------------------

  function utc(iso) {
    return new Date(Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)));
  }

  function isoDay(date) {
    return date.toISOString().slice(0, 10);
  }

  function addDays(iso, days) {
    return isoDay(new Date(utc(iso).getTime() + days * 86400000));
  }

  function weekdayOf(iso) {
    return (utc(iso).getUTCDay() + 6) % 7; // 0 = Monday
  }

  function daysBetween(first, last) {
    return Math.round((utc(last) - utc(first)) / 86400000);
  }

  function monthDays(year, month) {
    return new Date(Date.UTC(year, month, 0)).getUTCDate();
  }

  function nthWeekday(year, month, weekday, n) {
    var days = monthDays(year, month);
    var first = weekdayOf(year + "-" + String(month).padStart(2, "0") + "-01");
    var lastDay = weekdayOf(year + "-" + String(month).padStart(2, "0") + "-" + days);
    var day = n > 0 ? 1 + (((weekday - first) % 7) + 7) % 7 + 7 * (n - 1)
      : days - (((lastDay - weekday) % 7) + 7) % 7 - 7 * (-n - 1);
    return day >= 1 && day <= days ? year + "-" + String(month).padStart(2, "0") + "-" + String(day).padStart(2, "0") : null;
  }

  // schedule.rule_days: the days a rule gives from `first`, at most `limit`.
  function ruleDays(first, repeat, limit) {
    var days = [];
    if (repeat.nth.length) {
      var year = +first.slice(0, 4), month = +first.slice(5, 7);
      while (year + "-" + String(month).padStart(2, "0") + "-01" <= repeat.until && days.length < limit) {
        var found = [];
        repeat.weekdays.forEach(function (wd) {
          repeat.nth.forEach(function (n) {
            var d = nthWeekday(year, month, wd, n);
            if (d && first <= d && d <= repeat.until && found.indexOf(d) < 0) {
              found.push(d);
            }
          });
        });
        days = days.concat(found.sort());
        month += repeat.interval;
        year += Math.floor((month - 1) / 12);
        month = (month - 1) % 12 + 1;
      }
    } else {
      var week = addDays(first, -weekdayOf(first));
      while (week <= repeat.until && days.length < limit) {
        repeat.weekdays.forEach(function (wd) {
          var d = addDays(week, wd);
          if (first <= d && d <= repeat.until) {
            days.push(d);
          }
        });
        week = addDays(week, 7 * repeat.interval);
      }
    }
    return days.slice(0, limit);
  }

  // Helsinki skips 03:00–03:59 on the last Sunday of March (fields.clock_exists).
  function clockExists(moment) {
    if (moment.time === null || moment.day.slice(5, 7) !== "03" || moment.time.slice(0, 2) !== "03") {
      return true;
    }
    return nthWeekday(+moment.day.slice(0, 4), 3, 6, -1) !== moment.day;
  }

  function writtenMoment(moment) {
    return moment.time === null ? moment.day : moment.day + " " + moment.time;
  }

  /* The rules between the fields (validate._cross_checks and event_rules.py)
     and the refusal of an event that is over (placing.py); sets
     values.event.occurrences, each {start, end} as {day, time}. */
  Checker.prototype.across = function (data, values, today, found, association) {
    if (values.expires && values.date && values.expires.day < values.date.day) {
      found.push({ path: ["expires"], key: "err_expires_before_date", values: { expires: data.expires, date: data.date } });
    }
    var contact = values.contact || {};
    if ((contact.email || contact.phone) && contact.consent !== true) {
      found.push({ path: ["contact"], key: "err_consent", values: {} });
    }
    var wanted = values.wanted || {};
    if (wanted.from && wanted.until && wanted.until.day < wanted.from.day) {
      found.push({ path: ["wanted", "until"], key: "err_until_before_from",
                   values: { key: "wanted.until", start: data.wanted.from, end: data.wanted.until } });
    }
    // checks.foreign_spaces: a notice offers its own association's space
    var space = (this.schema.spaces || []).filter(function (s) { return s.slug === data.space; })[0];
    if (space && association && space.association !== association) {
      found.push({ path: ["space"], key: "err_space_not_own",
                   values: { key: "space", space: data.space, owner: space.association, association: association } });
    }
    // validate._cross_checks and checks.retired: a partner is another association, and an active one
    var retired = this.schema.retiredAssociations.map(function (a) { return a.slug; });
    (values.partners || []).forEach(function (slug) {
      if (slug === association || retired.indexOf(slug) >= 0) {
        found.push({ path: ["partners"], key: slug === association ? "err_partner_self" : "err_partner_retired",
                     values: { slug: slug } });
      }
    });
    if (values.event && data.event) {
      this.eventRules(data.event, values.event, today, found);
    }
  };

  // `kuukauden toinen ja viimeinen tiistai`: first, second… then the last ones, as check says them
  function ruleDaysNamed(words, repeat) {
    function and(list) {
      return list.length === 1 ? list[0] : list.slice(0, -1).join(", ") + " " + words.and + " " + list[list.length - 1];
    }
    var nth = repeat.nth.slice().sort(function (a, b) { return (a < 0) - (b < 0) || a - b; });
    return words.text.replace("{which}", and(nth.map(function (n) { return words.ordinals[String(n)]; })))
      .replace("{days}", and(repeat.weekdays.map(function (d) { return words.days[d]; })));
  }

  Checker.prototype.eventRules = function (raw, event, today, found) {
    var series = this.schema.series;
    var names = this.schema.weekdayWords;
    function refuse(path, key, values) {
      found.push({ path: ["event"].concat(path), key: key, values: values || {} });
    }
    if (!event.start || (raw.end !== undefined && !event.end)) {
      return; // already refused by its own rule
    }
    var start = event.start, end = null;
    if (event.end) {
      end = event.end;
      var timeOnly = end.day === null;
      if (timeOnly) {
        if (start.time === null) {
          return refuse(["end"], "err_end_time_without_start_time", { value: raw.end });
        }
        end = { day: start.day, time: end.time };
        if (!clockExists(end)) {
          return refuse(["end"], "err_time_gap", { key: "event.end", value: start.day + " " + raw.end });
        }
      }
      if (timeOnly && end.time < start.time) {
        return refuse(["end"], "err_end_after_midnight",
                      { start: raw.start, end: raw.end, day: addDays(start.day, 1), clock: end.time });
      }
      if (end.day < start.day || (end.time !== null && start.time !== null &&
          writtenMoment(end) < writtenMoment(start))) {
        return refuse(["end"], "err_end_before_start", { start: raw.start, end: raw.end });
      }
      if (end.time !== null && writtenMoment(end) === writtenMoment(start)) {
        return refuse(["end"], "err_end_at_start", { start: raw.start, end: raw.end });
      }
      if ((end.time === null) !== (start.time === null)) {
        return refuse(["end"], start.time === null ? "err_end_time_all_day" : "err_end_without_time",
                      { start: raw.start, end: raw.end, day: end.day });
      }
    }
    var repeat = null, ruleStarts;
    if (raw.repeat !== undefined) {
      var r = event.repeat;
      if (!r || r.weekdays === undefined || r.until === undefined || Object.keys(r).length < Object.keys(raw.repeat).length) {
        return;
      }
      repeat = { weekdays: r.weekdays, until: r.until.day, interval: r.interval || 1, nth: r.nth || [],
                 daysOff: (r.except || []).map(function (d) { return d.day; }) };
      var named = repeat.nth.length ? ruleDaysNamed(series.monthDays, repeat)
        : repeat.weekdays.map(function (d) { return names[d]; }).join(", ");
      if (repeat.until < start.day) {
        return refuse(["repeat", "until"], "err_until_before_start", { until: repeat.until, start: start.day });
      }
      var ruleFirst = ruleDays(start.day, repeat, 1)[0];
      if (ruleFirst !== start.day) {
        return refuse(["start"], "err_start_not_in_rule", {
          start: writtenMoment(start), weekdays: named,
          suggestion: ruleFirst ? writtenMoment({ day: ruleFirst, time: start.time }) : "" });
      }
      ruleStarts = ruleDays(start.day, repeat, series.most + 1);
      var refused = false;
      repeat.daysOff.forEach(function (day) {
        if (day < start.day || day > repeat.until) {
          refuse(["repeat", "except"], "err_except_outside_series", { day: day, first: start.day, until: repeat.until });
          refused = true;
        } else if (ruleStarts.indexOf(day) < 0) {
          refuse(["repeat", "except"], "err_except_not_occurrence", { day: day, weekdays: named });
          refused = true;
        }
      });
      if (refused) {
        return;
      }
    }
    if (repeat && end !== null && daysBetween(start.day, end.day) > series.longest) {
      return refuse(["end"], "err_series_end", { end: raw.end, clock: end.time || "" });
    }
    if (!repeat && end !== null && daysBetween(start.day, end.day) > series.eventLongest) {
      return refuse(["end"], "err_event_too_long", { start: raw.start, end: raw.end, most: series.eventLongest });
    }
    var length = end ? daysBetween(start.day, end.day) : 0;
    var days = repeat ? ruleStarts.filter(function (d) { return repeat.daysOff.indexOf(d) < 0; }) : [start.day];
    var occurrences = days.map(function (day) {
      return { start: { day: day, time: start.time },
               end: end ? { day: addDays(day, length), time: end.time } : null };
    });
    if (!occurrences.length) {
      return refuse(["repeat"], "err_no_occurrences");
    }
    if (occurrences.length > series.most) {
      return refuse(repeat ? ["repeat", "until"] : ["dates"], "err_too_many_occurrences",
                    { count: occurrences.length, most: series.most });
    }
    for (var i = 0; i < occurrences.length; i++) {
      var moments = [occurrences[i].start, occurrences[i].end].filter(Boolean);
      for (var j = 0; j < moments.length; j++) {
        if (!clockExists(moments[j])) {
          // the day to leave out is the one the occurrence starts on (event_rules.py)
          return refuse(["start"], "err_series_time_gap",
                        { day: writtenMoment(moments[j]), off: occurrences[i].start.day });
        }
      }
    }
    var last = occurrences.map(function (o) { return o.end ? o.end.day : o.start.day; }).sort().pop();
    // not after the last occurrence is over (event_rules._deadline): a time after
    // its end (its start without one), when both have a time; else a day after its last day
    var deadline = event.registration_deadline;
    var over = occurrences.map(function (o) { return writtenMoment(o.end || o.start); }).sort().pop();
    var timed = deadline && deadline.time !== null && start.time !== null;
    if (deadline && (timed ? writtenMoment(deadline) > over : deadline.day > last)) {
      refuse(["registration_deadline"], "err_deadline_after_event",
             { deadline: writtenMoment(deadline), last: timed ? over : last });
    }
    if (event.status_note !== undefined && raw.status === undefined) {
      refuse(["status_note"], "err_status_note_alone");
    }
    this.occurrences = occurrences;
    // a night that ends by series.nightEnds is over on the day it ends (model.Occurrence.current_until)
    var lastCurrent = occurrences.map(function (o) {
      var night = o.end && o.end.time !== null && o.end.day > o.start.day && o.end.time <= series.nightEnds;
      return night ? addDays(o.end.day, -1) : (o.end ? o.end.day : o.start.day);
    }).sort().pop();
    if (today && lastCurrent < today) {
      var parts = last.split("-");
      refuse(["start"], repeat ? "err_event_series_past" : "err_event_past",
             { day: +parts[2] + "." + +parts[1] + "." + parts[0] });
    }
  };

  // One line of text by the Text rule (a new association's name).
  Checker.prototype.text = function (value, key, rule) {
    var found = text(value, key, rule);
    if (rule.lookalikes) {  // fields.Name
      refuseLookalike(rule.lookalikes, this.schema.messages, found, key);
    }
    return found;
  };

  /* The findings for a notice's front matter `data` (texts as the file holds
     them) and its Markdown `body`; `today` as YYYY-MM-DD; `association` the
     notice's (the form leaves it out of `data`: a new one is no error). */
  Checker.prototype.notice = function (data, body, today, association) {
    var found = [];
    this.occurrences = null;
    var values = this.table(data, this.schema.fields, [], found);
    this.across(data, values, today, found, association);
    return found.concat(this.markdown(body));
  };

  // --- Markdown (body_checks.py) -------------------------------------------------

  // render.pasted_lists: the items of a pasted list as Markdown's, a line for a line
  function pastedLists(lines, P) {
    var numbered = false;  // the last line with text was an item of a numbered list
    return lines.map(function (written) {
      var line = expandTabs(written);  // as Python-Markdown reads it
      var bullet = line.match(P.pastedBullet), number = line.match(P.pastedNumber);
      var item = Boolean(number) && !bullet && (numbered || number[2] === "1");
      if (bullet) {
        line = bullet[1] + "- " + line.slice(bullet[0].length);
      } else if (item) {
        line = number[1] + number[2] + ". " + line.slice(number[0].length);
      }
      var content = line.replace(P.quotes, "");
      if (strip(content)) {  // an item's indented lines go on in it
        numbered = item || (numbered && content.charAt(0) === " ");
      }
      return bullet || item ? line : written;
    });
  }

  function paragraphs(lines) {
    var out = [];
    var start = null;
    lines.concat([""]).forEach(function (line, index) {
      if (strip(line) && start === null) {
        start = index;
      } else if (!strip(line) && start !== null) {
        out.push([start, index]);
        start = null;
      }
    });
    return out;
  }

  Checker.prototype.findCodeSpans = function (start, text) {
    // Python-Markdown's BacktickInlineProcessor.find_code_spans.
    var last = text.length;
    var maxTicks = 0;
    while (start < last && text[start] === "`") {
      maxTicks += 1;
      start += 1;
    }
    var longest = 0, end = 0, i = start;
    while (i < last) {
      var span = 0;
      while (i < last && text[i] === "`") {
        span += 1;
        i += 1;
      }
      if (!span) {
        i += 1;
        continue;
      }
      if (maxTicks === span) {
        return [start, i - span];
      }
      if (span > longest) {
        longest = span;
        end = i;
      }
    }
    if (longest > 0 && longest < maxTicks) {
      return [start - (maxTicks - longest), end - longest];
    }
    return [start + maxTicks, null];
  };

  function blank(text) {
    return text.replace(/[^\n]/g, " ");
  }

  Checker.prototype.maskCodeSpans = function (text) {
    var re = compile(this.P.backtick, "g");
    var pieces = [], position = 0, done = 0, match;
    for (;;) {
      re.lastIndex = position;
      match = re.exec(text);
      if (!match) {
        break;
      }
      if (match[1]) {
        position = match.index + match[0].length;
        continue;
      }
      var begin = match.index;
      var span = this.findCodeSpans(begin, text);
      if (span[1] === null) {
        position = span[0];
        continue;
      }
      var stop = span[1] + (span[0] - begin);
      pieces.push(text.slice(done, begin), blank(text.slice(begin, stop)));
      done = position = stop;
    }
    pieces.push(text.slice(done));
    return pieces.join("");
  };

  Checker.prototype.codeMasked = function (lines) {
    var P = this.P;
    var masked = lines.slice();
    var fences = {};
    var index = 0;
    while (index < lines.length) {
      var opening = P.fenceOpen.exec(lines[index]);
      if (opening) {
        var fence = opening.groups.fence;
        var close = null;
        for (var j = index + 1; j < lines.length; j++) {
          if (rstripSpaces(lines[j]) === fence) {
            close = j;
            break;
          }
        }
        if (close !== null) {
          fences[index] = lines[index];
          for (var k = index; k <= close; k++) {
            masked[k] = "";
          }
          index = close + 1;
          continue;
        }
      }
      index += 1;
    }
    var unfenced = masked.slice();
    var inList = false, inCode = false, previousBlank = true;
    masked.forEach(function (line, i) {
      var content = line.replace(P.quotes, "");
      var isBlank = !strip(content);
      var indented = content.indexOf("    ") === 0;
      if (isBlank) {
        previousBlank = true;
        return;
      }
      if (inCode && indented) {
        masked[i] = "";
      } else if (previousBlank && indented && !inList) {
        inCode = true;
        masked[i] = "";
      } else {
        inCode = false;
        if (P.listItem.test(content)) {
          inList = true;
        } else if (previousBlank && !indented) {
          inList = false;
        }
      }
      previousBlank = false;
    });
    var self = this;
    var blocks = masked.slice();  // body_checks._code_masked: read before the code spans
    var runs = compile(P.backtickRun, "g");
    // a code span ends with its text: a list item, a quote or a heading begun on the next line ends the text
    var texts = [];
    paragraphs(masked).forEach(function (range) {
      texts = texts.concat(self.inlineParts(masked, range[0], range[1]));
    });
    texts.forEach(function (range) {
      var text = masked.slice(range[0], range[1]).join("\n");
      if ((text.match(runs) || []).length <= self.markdownRules.limits.markup) {
        var parts = self.maskCodeSpans(text).split("\n");
        Array.prototype.splice.apply(masked, [range[0], range[1] - range[0]].concat(parts));
      }
    });
    return { masked: masked, blocks: blocks, unfenced: unfenced, fences: fences };
  };

  // body_checks._inline_parts
  Checker.prototype.inlineParts = function (lines, start, end) {
    var P = this.P;
    var out = [];
    var first = start;
    function quoteDepth(line) {
      var quotes = P.quotes.exec(line);
      return quotes ? quotes[0].split(">").length - 1 : 0;
    }
    var depth = quoteDepth(lines[start]);
    for (var index = start + 1; index < end; index++) {
      var content = lines[index].replace(P.quotes, "");
      var deeper = quoteDepth(lines[index]) > depth;
      depth = P.quotes.test(lines[index]) ? quoteDepth(lines[index]) : depth;
      var inTable = content.indexOf("|") >= 0 || lines[index - 1].indexOf("|") >= 0;
      var afterHeading = P.headingLine.test(lines[index - 1].replace(P.quotes, "").replace(LSTRIP, ""));
      var loneMark = P.loneMarkUnderItem.test(lines[index - 1].replace(P.quotes, "") + "\n" + content);
      if (P.listItem.test(content) || P.headingLine.test(content.replace(LSTRIP, "")) || inTable || afterHeading ||
          deeper || P.rule.test(content) || (index === first + 1 && P.setext.test(content)) || loneMark) {
        out.push([first, index]);
        first = index;
      }
    }
    out.push([first, end]);
    return out;
  };

  Checker.prototype.nesting = function (line) {
    var P = this.P;
    if (P.rule.test(line)) {
      return 0;
    }
    var depth = 0, rest = line;
    var container = compile(P.container, "y");
    for (;;) {
      var indent = rest.length - rest.replace(/^ +/, "").length;
      depth += Math.floor(indent / 4);
      rest = rest.slice(indent - indent % 4);
      container.lastIndex = 0;
      var match = container.exec(rest);
      if (!match) {
        return depth;
      }
      depth += 1;
      rest = rest.slice(match[0].length);
    }
  };

  // body_checks._opening_bracket: where the `[` of the `]` at `close` is, -1 when not found
  function openingBracket(text, close) {
    var depth = 0;
    for (var index = close; index >= Math.max(close - 500, 0); index--) {
      if (text[index] === "]") {
        depth += 1;
      } else if (text[index] === "[") {
        depth -= 1;
        if (depth === 0) {
          return index;
        }
      }
    }
    return -1;
  }

  var WEB_SCHEME = /^https?:\/\//i;

  // body_checks._host: a web address's host, after any `user@`, without its port, `www.` and a full stop after it
  function webHost(address) {
    var authority = address.replace(WEB_SCHEME, "").split(/[\/?#]/)[0];
    var host = authority.slice(authority.lastIndexOf("@") + 1).replace(/:\d*$/, "").toLowerCase();
    return (host.indexOf("www.") === 0 ? host.slice(4) : host).replace(/\.+$/, "");
  }

  // body_checks._link_shows_elsewhere: a link's text that is an address goes there (or under it)
  Checker.prototype.linkShowsElsewhere = function (found, index, text, address) {
    var P = this.P;
    var shown = strip(htmlUnescape(text.replace(compile(P.markdownEscape, "g"), "$1")));
    var target = strip(htmlUnescape(address.replace(compile(P.markdownEscape, "g"), "$1")));
    if (!shown || /\s/.test(shown)) {
      return;
    }
    var email = shown.replace(/^mailto:/i, "");
    var goes;
    if (P.linkEmail.test(email)) {
      goes = target.split("?")[0].toLowerCase() === "mailto:" + email.toLowerCase();
    } else if (WEB_SCHEME.test(shown) || P.linkDomain.test(shown)) {
      var host = webHost(shown), to = WEB_SCHEME.test(target) ? webHost(target) : "";
      goes = host !== "" && (to === host || to.slice(-(host.length + 1)) === "." + host);
    } else {
      return;
    }
    if (!goes) {
      found.add(index, "err_body_link_shows_other", { text: head(shown, 80), url: head(target, 80) });
    }
  };

  function label(text) {
    return text.toLowerCase().split(SPLIT).filter(Boolean).join(" ");
  }

  Checker.prototype.dangerousScheme = function (address) {
    var P = this.P;
    var text = head(address, 1000);
    for (var i = 0; i < 4; i++) {
      var decoded = unquote(htmlUnescape(text.replace(compile(P.markdownEscape, "g"), "$1")));
      if (decoded === text) {
        break;
      }
      text = decoded;
    }
    var squeezed = text.normalize("NFKC").replace(compile(P.invisible, "g"), "").toLowerCase().replace(/^<+/, "");
    var schemes = this.markdownRules.schemes;
    for (var s = 0; s < schemes.length; s++) {
      if (squeezed.indexOf(schemes[s] + ":") === 0) {
        return schemes[s];
      }
    }
    return null;
  };

  // render.address_as_browser_reads
  Checker.prototype.asBrowserReads = function (value) {
    return value.replace(compile(this.P.urlIgnored, "g"), "")
      .replace(/^[\x00-\x20]+|[\x00-\x20]+$/g, "").replace(/\\/g, "/");
  };

  Checker.prototype.isRemote = function (value) {
    return this.P.remote.test(this.asBrowserReads(value));
  };

  // render.address_unreadable: the sanitizer reads an address by the URL
  // standard, as the browser does; one that is neither an address nor a
  // relative one, it drops
  function addressUnreadable(value) {
    try {
      return !new URL(value, "https://relative.invalid/");  // an address, or one relative to the page
    } catch (unreadable) {
      return true;
    }
  }

  // render.scheme_left_out: a scheme the sanitizer drops the address for
  Checker.prototype.schemeLeftOut = function (value) {
    var match = this.P.scheme.exec(this.asBrowserReads(value));
    var scheme = match && match[1].toLowerCase();
    return scheme && this.markdownRules.kept.indexOf(scheme) < 0 ? scheme : null;
  };

  function urlPath(address) {
    // urllib.parse.urlsplit(address).path
    var rest = address.replace(/^[A-Za-z][A-Za-z0-9+.-]*:/, "");
    if (rest.indexOf("//") === 0) {
      rest = rest.replace(/^\/\/[^/?#]*/, "");
    }
    return rest.split(/[?#]/)[0];
  }

  function normpath(path) {
    return path.split("/").filter(function (part) { return part && part !== "."; }).join("/");
  }

  // true when it found something to say of the address
  Checker.prototype.checkAddress = function (found, index, address, image, written) {
    var said = false;
    function add(key, values) {
      said = true;
      found.add(index, key, values);
    }
    var shown = head(address, 80);
    var scheme = this.dangerousScheme(written || address);
    // as Markdown writes it (\{attach\} is {attach} to Pelican), as a browser reads it
    var read = htmlUnescape(address.replace(compile(this.P.markdownEscape, "g"), "$1"));
    var rules = this.markdownRules;
    var leftOut = this.schemeLeftOut(read);
    if (scheme || leftOut) {
      add("err_body_scheme", { scheme: scheme || leftOut });
    } else if (/["<>]/.test(read)) {
      add("err_body_bad_address", { url: shown });
    } else if (addressUnreadable(read)) {
      add("err_body_unreadable_address", { url: shown });
    } else if (this.P.siteLink.test(strip(read))) {
      var parts = this.P.siteLink.exec(strip(read));
      var path = unquote(urlPath(parts[2]));
      var segments = path.split("/");
      if (parts[1] !== "static" || path.charAt(0) !== "/" || segments.indexOf("..") >= 0 ||
          segments.length < 3 || rules.folders.indexOf(segments[1]) < 0) {
        add("err_body_site_link", { url: shown, folder: rules.folders[0] });
      } else if (rules.files !== null && rules.files.indexOf(normpath(path.slice(1))) < 0) {
        add("err_body_missing_file", { url: shown, folder: rules.folders[0] });
      }
    } else if (image && this.isRemote(read)) {
      add("err_body_remote_image", { url: shown });
    } else if (image && rules.files !== null) {
      var name = unquote(urlPath(strip(read))).replace(/\/+$/, "").split("/").pop();
      add("err_body_image_form",
                { url: shown, fixed: "{static}/" + rules.folders[0] + "/" + (name || "kuva.jpg") });
    } else if (!image && strip(read) && !this.isRemote(read)) {
      var whole = this.wholeAddress(strip(read), shown);
      add(whole[0], whole[1]);
    }
    return said;
  };

  // body_checks.whole_address: a link's address without a scheme leads nowhere from a notice
  Checker.prototype.wholeAddress = function (address, shown) {
    var P = this.P, folders = this.markdownRules.folders;
    var looks = [[P.linkEmail, "mailto:"], [P.linkPhone, "tel:"], [P.linkDomain, "https://"]];
    for (var i = 0; i < looks.length; i++) {
      if (looks[i][0].test(address)) {
        return ["err_body_link_incomplete", { url: shown, fixed: head(looks[i][1] + address, 90) }];
      }
    }
    return ["err_body_link_relative",
            { url: shown, folder: folders.indexOf("files") >= 0 ? "files" : folders[folders.length - 1] }];
  };

  // body_checks._check_markup: `text` with code masked, `blocks` with only the code blocks
  Checker.prototype.checkMarkup = function (found, text, blocks) {
    var self = this, P = this.P;
    var starts = [0];
    text.replace(/\n/g, function (all, at) {
      starts.push(at + 1);
      return all;
    });
    function lineOf(position) {
      var line = 0;
      while (line + 1 < starts.length && starts[line + 1] <= position) {
        line += 1;
      }
      return line;
    }
    function each(pattern, callback, within) {
      var re = compile(pattern, "g");
      var match;
      while ((match = re.exec(within || text)) !== null) {
        callback(match);
        if (match[0] === "") {
          re.lastIndex += 1;
        }
      }
    }
    each(P.html, function (match) {
      var inner = match[1].slice(1, -1);
      var name = new RegExp("^(?:" + P.tagName.source + ")").exec(inner);
      if (new RegExp("^(?:" + P.autolink.source + ")$", P.autolink.flags).test(match[0])) {
        return;  // <https://…>: an address, checked below
      }
      var spaced = new RegExp("^(?:" + P.spacedAddress.source + ")$", P.spacedAddress.flags).exec(match[0]);
      if (spaced) {  // an address with a space, read as a tag (body_checks._SPACED_ADDRESS)
        found.add(lineOf(match.index), "err_body_address_space", { url: head(spaced[1], 80) });
        return;
      }
      var shown = name ? "<" + name[0] + ">" : (inner.indexOf("!--") === 0 ? "<!-- -->" : "<" + head(inner, 2) + "…>");
      found.add(lineOf(match.index), "err_body_html", { tag: shown });
    });
    each(P.htmlBlock, function (match) {
      var opening = match[1].toLowerCase();
      var tag = opening === "!--" ? "<!-- -->" : "!?".indexOf(opening.charAt(0)) < 0 ? "<" + opening + ">" : "<" + opening + "…>";
      // between backticks the usual hint (put it between backticks) would not help
      var inCodeSpan = !strip(text.charAt(match.index + match[0].length - 1));
      found.add(lineOf(match.index), inCodeSpan ? "err_body_html_line_start" : "err_body_html", { tag: tag });
    }, blocks);
    each(P.commentOpen, function (match) {
      found.add(lineOf(match.index), "err_body_html", { tag: "<!-- -->" });
    });
    each(P.attributeList, function (match) {
      found.add(lineOf(match.index), "err_body_attr_list", { text: head(match[0], 60) });
    });
    var references = {}, definitions = {}, spans = [];
    each(P.reference, function (match) {
      var angled = match[2] !== undefined;
      var address = angled ? match[2] : match[3];
      if (!Object.prototype.hasOwnProperty.call(references, label(match[1]))) {
        references[label(match[1])] = address;
      }
      // where its "[" is: the label's group begins after the quotes and list markers before it
      var open = match.index + match[0].indexOf("[" + match[1] + "]");
      if (!Object.prototype.hasOwnProperty.call(definitions, open)) {
        definitions[open] = { name: match[1], address: address, index: lineOf(open + 1) };
      }
      spans.push([match.index, match.index + match[0].length]);
      // the start of the address: where its group begins in the match
      var at = match.index + match[0].length - address.length - (angled ? 1 : 0);
      var lineEnd = blocks.indexOf("\n", match.index + match[0].length);
      var marks = (blocks.slice(at, lineEnd < 0 ? undefined : lineEnd).match(compile(P.titleMark, "g")) || []).length;
      if (marks > self.markdownRules.limits.definitionMarks) {
        found.add(lineOf(open + 1), "err_body_definition_marks",
                  { count: marks, limit: self.markdownRules.limits.definitionMarks });
        return;
      }
      self.checkAddress(found, lineOf(at), address, false);
      var title = compile(P.titleLine, "y");
      title.lastIndex = match.index + match[0].length;
      var titled = title.exec(blocks);
      if (titled) {
        found.add(lineOf(titled.index + titled[0].length), "err_body_definition_title_line",
                  { text: head(titled[0].trim(), 80) });
      }
    }, blocks);
    each(P.inlineDestination, function (match) {
      var g = match.groups;
      var address = g.angled !== undefined ? g.angled : g.bare;
      var opening = openingBracket(text, match.index);
      var image = opening > 0 && text[opening - 1] === "!";
      var end = match.index + match[0].length;
      var said = self.checkAddress(found, lineOf(end), address, image, g.all);
      if (opening >= 0 && !image && !said) {
        self.linkShowsElsewhere(found, lineOf(match.index), text.slice(opening + 1, match.index), address);
      }
      var after = compile(P.destinationEnd, "y");
      after.lastIndex = end;
      if (!after.test(text)) {
        var lineEnd = text.indexOf("\n", end);
        var closed = text.slice(end, lineEnd < 0 ? undefined : lineEnd).indexOf(")") >= 0;
        found.add(lineOf(end), closed ? "err_body_address_rest" : "err_body_address_unclosed",
                  { url: head(address, 80) });
      }
    });
    // body_checks: a definition no link of the text uses is hidden from the page
    var used = {};
    each(P.bracketed, function (match) {
      if (!spans.some(function (span) { return span[0] <= match.index && match.index < span[1]; })) {
        used[label(match[1])] = true;
      }
    });
    Object.keys(definitions).map(Number).sort(function (a, b) { return a - b; }).forEach(function (open) {
      var d = definitions[open];
      if (!used[label(d.name)]) {
        found.add(d.index, "err_body_unused_reference", { written: head("[" + d.name + "]: " + d.address, 80),
                                                          plain: head(d.name + ": " + d.address, 80) });
      }
    });
    // links by reference: `[text][label]`, `[text][]` and `[label]` (body_checks)
    each(P.bracketed, function (match) {
      var start = match.index, end = start + match[0].length;
      var before = text.charAt(start - 1), after = text.charAt(end);
      if (before === "!" || before === "]" || after === "(" || after === ":" ||
          spans.some(function (span) { return span[0] <= start && start < span[1]; })) {
        return;  // an image, the label of a link, an inline link, a definition
      }
      var named = null;
      if (after === "[") {
        var next = compile(P.bracketed, "y");
        next.lastIndex = end;
        named = next.exec(text);
      }
      var name = label(named ? named[1] : match[1]);
      if (Object.prototype.hasOwnProperty.call(references, name)) {
        self.linkShowsElsewhere(found, lineOf(start), match[1], references[name]);
      }
    });
    each(P.imageReference, function (match) {
      var name = label(match[2] || match[1]);
      if (Object.prototype.hasOwnProperty.call(references, name)) {
        self.checkAddress(found, lineOf(match.index), references[name], true);
      }
    });
    // bare, in a link or a definition (code is masked): body_checks._check_markup
    each(P.address, function (match) {
      var lookalike = addressLookalike(self.markdownRules, self.schema.messages, match[0]);
      if (lookalike) {
        found.add(lineOf(match.index), lookalike[0], lookalike[1]);
      }
    });
    each(P.autolink, function (match) {
      var said = self.checkAddress(found, lineOf(match.index), match[1], false);
      if (!said && !compile(P.markdownAutolink).test(match[0])) {
        found.add(lineOf(match.index), "err_body_angle_address", { url: head(match[1], 80) });
      }
    });
  };

  /* Findings in a Markdown text, each {path: ["body"], line (from 1), key, values}. */
  Checker.prototype.markdown = function (text) {
    var self = this, P = this.P, limits = this.markdownRules.limits;
    var problems = [], seen = {};
    var found = {
      add: function (index, key, values) {
        if (!seen[index + " " + key]) {
          seen[index + " " + key] = true;
          problems.push({ path: ["body"], line: index + 1, key: key, values: values || {} });
        }
      }
    };
    // check's order (problems.Problem): by line, then by the message's words
    var messages = this.schema.messages;
    function words(problem) {
      return window.BulletinForm.format(messages[problem.key], problem.values);
    }
    function sorted() {
      return problems.sort(function (a, b) { return a.line - b.line || byCodePoints(words(a), words(b)); });
    }
    var length = codePoints(text.replace(/\n+$/, "")); // as check_markdown: no last line break
    if (length > limits.chars) {
      found.add(0, "err_body_too_large", { length: length, limit: limits.chars });
      return problems;
    }
    // tabs as spaces, as Python-Markdown reads the whole text before anything
    // else, a pasted "o" bullet's in a quote as outside one (render.tabs_as_spaces)
    var lines = text.replace(compile(P.quotedOTab, "g"), "$1   ").split("\n").map(expandTabs);
    var bidi = this.markdownRules.bidi;
    lines.forEach(function (line, index) {
      var control = Array.from(line).filter(function (c) {
        return bidi.indexOf(c) >= 0 || /[\x00-\x08\x0a-\x1f\x7f-\x9f\ufffe\uffff]/.test(c);
      })[0];
      if (control) {
        found.add(index, "err_body_control_char",
                  { char: "U+" + control.codePointAt(0).toString(16).toUpperCase().padStart(4, "0") });
      }
      var marks = stackedMarks(line);
      if (marks > limits.marks) {
        found.add(index, "err_body_stacked_marks", { count: marks, most: limits.marks });
      }
    });
    // read as the page reads them: a pasted "• kohta" is a list item there
    var code = this.codeMasked(pastedLists(lines, P));
    var masked = code.masked;
    var before = problems.length;
    var openings = (code.unfenced.join("\n").match(compile(P.tagOpening, "g")) || []).length;
    if (openings > limits.tagOpenings) {
      found.add(0, "err_body_tag_openings", { count: openings, limit: limits.tagOpenings });
    }
    var deep = lines.map(function (line, i) {
      return Boolean(strip(masked[i])) && self.nesting(line) > limits.nesting;
    });
    deep.forEach(function (isDeep, index) {
      if (isDeep && !(index && deep[index - 1])) {
        found.add(index, "err_body_nesting", { limit: limits.nesting });
      }
    });
    var markup = compile(P.markup, "g");
    paragraphs(masked).forEach(function (range) {
      if (range[1] - range[0] > limits.blockLines) {
        found.add(range[0], "err_body_block_lines", { limit: limits.blockLines });
      }
      self.inlineParts(masked, range[0], range[1]).forEach(function (part) {
        if ((masked.slice(part[0], part[1]).join("\n").match(markup) || []).length > limits.markup) {
          found.add(part[0], "err_body_markup", { limit: limits.markup });
        }
      });
    });
    if (problems.length > before) {
      return sorted();
    }
    Object.keys(code.fences).forEach(function (index) {
      var re = compile(P.attributeList, "g"), match;
      while ((match = re.exec(code.fences[index])) !== null) {
        found.add(+index, "err_body_attr_list", { text: head(match[0], 60) });
      }
    });
    // body_checks.check_markdown: a table in a quote or a list item is read without their markers
    var contents = masked.map(function (line) { return line.replace(P.containers, ""); });
    paragraphs(contents).forEach(function (range) {
      // body_checks._block_starts: a table begins the paragraph, or the rest of it after a heading or a rule
      var starts = [range[0]];
      for (var index = range[0]; index < range[1] - 1; index++) {
        var content = contents[index].replace(P.quotes, "");
        var definition = new RegExp(P.reference.source, P.reference.flags.replace("g", ""));
        if (P.headingLine.test(content.replace(P.listItem, "").replace(LSTRIP, "")) || P.rule.test(content) ||
            (index === starts[starts.length - 1] + 1 && P.setext.test(content)) || definition.test(contents[index])) {
          starts.push(index + 1);
        }
      }
      starts.filter(function (at) { return contents[at].indexOf("|") >= 0; }).forEach(function (at) {
        // body_checks._table_end: a list item under a table ends it
        var end = range[1];
        for (var index = at + 2; index < range[1]; index++) {
          if (P.listItem.test(masked[index].replace(P.quotes, ""))) {
            end = index;
            break;
          }
        }
        self.tableOverflows(contents, at, end).forEach(function (row) {
          found.add(row[0], "err_body_table_cells", { cells: row[1], columns: row[2] });
        });
      });
    });
    this.checkMarkup(found, masked.join("\n"), code.blocks.join("\n"));
    return sorted();
  };

  // Python-Markdown's tables extension (TableProcessor.test and _split_row), as
  // body_checks._table_overflows reads a table: [line, cells, columns] of each
  // row with more cells than the header
  Checker.prototype.tableOverflows = function (lines, start, end) {
    var P = this.P;
    var rows = lines.slice(start, end).map(function (row) { return row.replace(/^ +| +$/g, ""); });
    if (rows.length < 2) {
      return [];
    }
    var border = rows[0].charAt(0) === "|" || P.endBorder.test(rows[0]);
    function cells(row) {
      if (border) {
        row = (row.charAt(0) === "|" ? row.slice(1) : row).replace(P.endBorder, "");
      }
      var pipes = [], tics = [], points = [], regions = [], match;
      var re = compile(P.codePipes, "g");
      while ((match = re.exec(row)) !== null) {
        if (match[2]) {
          tics.push(match[2].length - 1);
          points.push([match.index, match.index + match[2].length - 1, 1]);
        } else if (match[3]) {
          tics.push(match[3].length);
          points.push([match.index, match.index + match[3].length - 1, 0]);
        } else if (match[5]) {
          pipes.push(match.index);
        }
      }
      for (var pos = 0; pos < tics.length;) {  // pair the backtick runs by their length
        var size = tics[pos] - points[pos][2];
        var index = size === 0 ? -1 : tics.slice(pos + 1).indexOf(size);
        if (index < 0) {
          pos += 1;
        } else {
          regions.push([points[pos][0], points[pos + index + 1][1]]);
          pos += index + 2;
        }
      }
      return pipes.filter(function (pipe) {  // a pipe in code divides no cells
        for (var r = 0; r < regions.length; r++) {
          if (pipe < regions[r][0]) {
            return true;
          }
          if (pipe <= regions[r][1]) {
            return false;
          }
        }
        return true;
      }).length + 1;
    }
    var columns = cells(rows[0]);
    var isTable = columns > 1;
    if (!isTable && columns === 1 && border) {
      isTable = rows.slice(1).every(function (row) { return row.charAt(0) === "|" || P.endBorder.test(row); });
    }
    var separator = rows[1];
    if (!isTable || cells(separator) !== columns) {
      return [];
    }
    if (border && separator.charAt(0) === "|") {
      separator = separator.slice(1);
    }
    if (!/^[|:\- ]*$/.test(border ? separator.replace(P.endBorder, "") : separator)) {
      return [];
    }
    var found = [];
    for (var i = 2; i < rows.length; i++) {
      var count = cells(rows[i]);
      if (count > columns) {
        found.push([start + i, count, columns]);
      }
    }
    return found;
  };

  window.BulletinContract = {
    Checker: Checker, Invalid: Invalid, slugify: slugify, codePoints: codePoints,
    // white space as the checker's str.split() and str.strip() read it
    oneLine: oneLine, strip: strip,
    // the Pattern rule (addresses, phone numbers), for the forms' own fields (form-core.js)
    pattern: pattern,
    // fields.Name's lookalike letters, for the profile form's name (form-core.js)
    refuseLookalike: refuseLookalike,
    // the Text rule's two findings, for the forms' own fields (form-core.js)
    isBlank: function (t) { return BLANK.test(t); },
    hasControl: function (t) { return CONTROL.test(t); },
    stackedMarks: stackedMarks
  };
}());
