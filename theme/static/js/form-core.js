/* The forms' shared core, driven by the schema the build exports from the
   content contract's tables (plugins/bulletin_contract/schema.py): small text
   helpers, the canonical YAML writer (mirrors writer.py), one line of text
   checked against its rule, the error summary (GOV.UK / Suomi.fi pattern),
   the ways to hand a file over and the flow from answers to a preview with
   the file. Used by submit.js (laheta/) and profile.js (yhdistyksen-tiedot/);
   loaded before them. */
(function () {
  "use strict";

  // --- small helpers --------------------------------------------------------

  // As Python's str.format, which the translations are written for: {{ is {.
  // bulletin_i18n.FIELD_IN_MESSAGE: a field in a message, named as the door
  // names it (`{@event.start}`, `{key=example}`, `{@event.end="clock"}`, `{key=[short]}`)
  var FIELD_IN_MESSAGE = /\{(?:@([\w.]+)|(\w+)(?==))(?:=([\["]?)([^{}\["\]]+)[\]"]?)?\}/g;

  // bulletin_i18n.FileFields: fields as the file names them (`repeat.until`, `until: "2027-05-25"`)
  var FILE_FIELDS = {
    name: function (path) { return path.replace(/^event\./, ""); },
    write: function (field, value, form) {
      return field + ": " + (form === "\"" ? "\"" + value + "\"" : form === "[" ? "[" + value + "]" : value);
    }
  };

  // `door`: how the page names a field (Fields.door), else as the file does
  function format(template, values, door) {
    door = door || FILE_FIELDS;
    template = template.replace(FIELD_IN_MESSAGE, function (all, path, named, form, value) {
      var field = path ? door.name(path) : String(values[named]);
      if (value !== undefined) {
        field = door.write(field, String(Object.prototype.hasOwnProperty.call(values, value) ? values[value] : value), form);
      }
      return field.replace(/[{}]/g, "$&$&"); // what was written, never a placeholder
    });
    return template.replace(/\{\{|\}\}|\{(\w+)\}/g, function (all, name) {
      if (name === undefined) {
        return all.charAt(0);
      }
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : all;
    });
  }

  function pad(number, width) {
    var text = String(number);
    while (text.length < width) {
      text = "0" + text;
    }
    return text;
  }

  function codePoints(text) {
    return Array.from(text).length;
  }

  var oneLine = BulletinContract.oneLine; // the contract's Text rule (contract.js)

  // Letters that Unicode decomposition does not make ASCII (Cyrillic, Greek,
  // kana, ß, æ...), as Unidecode writes them: written by scripts/transliteration.py.
  var TRANSLITERATION = {"Æ":"ae","Ð":"d","Ø":"o","Þ":"th","ß":"ss","æ":"ae","ð":"d","ø":"o","þ":"th","Đ":"d","đ":"d","Ħ":"h","ħ":"h","ı":"i","ĸ":"k","Ł":"l","ł":"l","ŉ":"'n","Ŋ":"ng","ŋ":"ng","Œ":"oe","œ":"oe","Ŧ":"t","ŧ":"t","ƀ":"b","Ɓ":"b","Ƃ":"b","ƃ":"b","Ƅ":"6","ƅ":"6","Ɔ":"o","Ƈ":"c","ƈ":"c","Ɖ":"d","Ɗ":"d","Ƌ":"d","ƌ":"d","ƍ":"d","Ǝ":"3","Ə":"@","Ɛ":"e","Ƒ":"f","ƒ":"f","Ɠ":"g","Ɣ":"g","ƕ":"hv","Ɩ":"i","Ɨ":"i","Ƙ":"k","ƙ":"k","ƚ":"l","ƛ":"l","Ɯ":"w","Ɲ":"n","ƞ":"n","Ɵ":"o","Ƣ":"oi","ƣ":"oi","Ƥ":"p","ƥ":"p","Ʀ":"yr","Ƨ":"2","ƨ":"2","Ʃ":"sh","ƪ":"sh","ƫ":"t","Ƭ":"t","ƭ":"t","Ʈ":"t","Ʊ":"y","Ʋ":"v","Ƴ":"y","ƴ":"y","Ƶ":"z","ƶ":"z","Ʒ":"zh","Ƹ":"zh","ƹ":"zh","ƺ":"zh","ƻ":"2","Ƽ":"5","ƽ":"5","ƾ":"ts","ƿ":"w","ǀ":"|","ǁ":"||","ǂ":"|=","ǃ":"!","ǝ":"@","Ǣ":"ae","ǣ":"ae","Ǥ":"g","ǥ":"g","Ǯ":"zh","ǯ":"zh","Ƕ":"hv","Ƿ":"w","Ǽ":"ae","ǽ":"ae","Ǿ":"o","ǿ":"o","Ȝ":"y","ȝ":"y","Ƞ":"n","ȡ":"d","Ȣ":"ou","ȣ":"ou","Ȥ":"z","ȥ":"z","ȴ":"l","ȵ":"n","ȶ":"t","ȷ":"j","ȸ":"db","ȹ":"qp","Ⱥ":"a","Ȼ":"c","ȼ":"c","Ƚ":"l","Ⱦ":"t","ȿ":"s","ɀ":"z","Ƀ":"b","Ʉ":"u","Ʌ":"^","Ɇ":"e","ɇ":"e","Ɉ":"j","ɉ":"j","Ɋ":"q","ɋ":"q","Ɍ":"r","ɍ":"r","Ɏ":"y","ɏ":"y","ʹ":"'","ͺ":"","Ά":"a","Έ":"e","Ή":"e","Ί":"i","Ό":"o","Ύ":"u","Ώ":"o","ΐ":"i","Α":"a","Β":"b","Γ":"g","Δ":"d","Ε":"e","Ζ":"z","Η":"e","Θ":"th","Ι":"i","Κ":"k","Λ":"l","Μ":"m","Ν":"n","Ξ":"ks","Ο":"o","Π":"p","Ρ":"r","Σ":"s","Τ":"t","Υ":"u","Φ":"ph","Χ":"kh","Ψ":"ps","Ω":"o","Ϊ":"i","Ϋ":"u","ά":"a","έ":"e","ή":"e","ί":"i","ΰ":"u","α":"a","β":"b","γ":"g","δ":"d","ε":"e","ζ":"z","η":"e","θ":"th","ι":"i","κ":"k","λ":"l","μ":"m","ν":"n","ξ":"x","ο":"o","π":"p","ρ":"r","ς":"s","σ":"s","τ":"t","υ":"u","φ":"ph","χ":"kh","ψ":"ps","ω":"o","ϊ":"i","ϋ":"u","ό":"o","ύ":"u","ώ":"o","ϐ":"b","ϑ":"th","ϒ":"u","ϓ":"u","ϔ":"u","ϕ":"ph","ϖ":"p","ϗ":"&","Ϛ":"st","ϛ":"st","Ϝ":"w","ϝ":"w","Ϟ":"q","ϟ":"q","Ϡ":"sp","ϡ":"sp","Ϣ":"sh","ϣ":"sh","Ϥ":"f","ϥ":"f","Ϧ":"kh","ϧ":"kh","Ϩ":"h","ϩ":"h","Ϫ":"g","ϫ":"g","Ϭ":"ch","ϭ":"ch","Ϯ":"ti","ϯ":"ti","ϰ":"k","ϱ":"r","ϲ":"c","ϳ":"j","Ѐ":"ie","Ё":"io","Ђ":"dj","Ѓ":"gj","Є":"ie","Ѕ":"dz","І":"i","Ї":"yi","Ј":"j","Љ":"lj","Њ":"nj","Ћ":"tsh","Ќ":"kj","Ѝ":"i","Ў":"u","Џ":"dzh","А":"a","Б":"b","В":"v","Г":"g","Д":"d","Е":"e","Ж":"zh","З":"z","И":"i","Й":"i","К":"k","Л":"l","М":"m","Н":"n","О":"o","П":"p","Р":"r","С":"s","Т":"t","У":"u","Ф":"f","Х":"kh","Ц":"ts","Ч":"ch","Ш":"sh","Щ":"shch","Ъ":"'","Ы":"y","Ь":"'","Э":"e","Ю":"iu","Я":"ia","а":"a","б":"b","в":"v","г":"g","д":"d","е":"e","ж":"zh","з":"z","и":"i","й":"i","к":"k","л":"l","м":"m","н":"n","о":"o","п":"p","р":"r","с":"s","т":"t","у":"u","ф":"f","х":"kh","ц":"ts","ч":"ch","ш":"sh","щ":"shch","ъ":"'","ы":"y","ь":"'","э":"e","ю":"iu","я":"ia","ѐ":"ie","ё":"io","ђ":"dj","ѓ":"gj","є":"ie","ѕ":"dz","і":"i","ї":"yi","ј":"j","љ":"lj","њ":"nj","ћ":"tsh","ќ":"kj","ѝ":"i","ў":"u","џ":"dzh","Ѡ":"o","ѡ":"o","Ѣ":"e","ѣ":"e","Ѥ":"ie","ѥ":"ie","Ѧ":"e","ѧ":"e","Ѩ":"ie","ѩ":"ie","Ѫ":"o","ѫ":"o","Ѭ":"io","ѭ":"io","Ѯ":"ks","ѯ":"ks","Ѱ":"ps","ѱ":"ps","Ѳ":"f","ѳ":"f","Ѵ":"y","ѵ":"y","Ѷ":"y","ѷ":"y","Ѹ":"u","ѹ":"u","Ѻ":"o","ѻ":"o","Ѽ":"o","ѽ":"o","Ѿ":"ot","ѿ":"ot","Ҁ":"q","ҁ":"q","҈":"*100.000*","҉":"*1.000.000*","Ҍ":"\"","ҍ":"\"","Ҏ":"r'","ҏ":"r'","Ґ":"g'","ґ":"g'","Ғ":"g'","ғ":"g'","Ҕ":"g'","ҕ":"g'","Җ":"zh'","җ":"zh'","Ҙ":"z'","ҙ":"z'","Қ":"k'","қ":"k'","Ҝ":"k'","ҝ":"k'","Ҟ":"k'","ҟ":"k'","Ҡ":"k'","ҡ":"k'","Ң":"n'","ң":"n'","Ҥ":"ng","ҥ":"ng","Ҧ":"p'","ҧ":"p'","Ҩ":"kh","ҩ":"kh","Ҫ":"s'","ҫ":"s'","Ҭ":"t'","ҭ":"t'","Ү":"u","ү":"u","Ұ":"u'","ұ":"u'","Ҳ":"kh'","ҳ":"kh'","Ҵ":"tts","ҵ":"tts","Ҷ":"ch'","ҷ":"ch'","Ҹ":"ch'","ҹ":"ch'","Һ":"h","һ":"h","Ҽ":"ch","ҽ":"ch","Ҿ":"ch'","ҿ":"ch'","Ӏ":"`","Ӂ":"zh","ӂ":"zh","Ӄ":"k'","ӄ":"k'","Ӈ":"n'","ӈ":"n'","Ӌ":"ch","ӌ":"ch","Ӑ":"a","ӑ":"a","Ӓ":"a","ӓ":"a","Ӕ":"ae","ӕ":"ae","Ӗ":"ie","ӗ":"ie","Ә":"@","ә":"@","Ӛ":"@","ӛ":"@","Ӝ":"zh","ӝ":"zh","Ӟ":"z","ӟ":"z","Ӡ":"dz","ӡ":"dz","Ӣ":"i","ӣ":"i","Ӥ":"i","ӥ":"i","Ӧ":"o","ӧ":"o","Ө":"o","ө":"o","Ӫ":"o","ӫ":"o","Ӭ":"e","ӭ":"e","Ӯ":"u","ӯ":"u","Ӱ":"u","ӱ":"u","Ӳ":"u","ӳ":"u","Ӵ":"ch","ӵ":"ch","Ӹ":"y","ӹ":"y","Ա":"a","Բ":"b","Գ":"g","Դ":"d","Ե":"e","Զ":"z","Է":"e","Ը":"e","Թ":"t`","Ժ":"zh","Ի":"i","Լ":"l","Խ":"kh","Ծ":"ts","Կ":"k","Հ":"h","Ձ":"dz","Ղ":"gh","Ճ":"ch","Մ":"m","Յ":"y","Ն":"n","Շ":"sh","Ո":"o","Չ":"ch`","Պ":"p","Ջ":"j","Ռ":"rh","Ս":"s","Վ":"v","Տ":"t","Ր":"r","Ց":"ts`","Ւ":"w","Փ":"p`","Ք":"k`","Օ":"o","Ֆ":"f","ՙ":"<","ա":"a","բ":"b","գ":"g","դ":"d","ե":"e","զ":"z","է":"e","ը":"e","թ":"t`","ժ":"zh","ի":"i","լ":"l","խ":"kh","ծ":"ts","կ":"k","հ":"h","ձ":"dz","ղ":"gh","ճ":"ch","մ":"m","յ":"y","ն":"n","շ":"sh","ո":"o","չ":"ch`","պ":"p","ջ":"j","ռ":"rh","ս":"s","վ":"v","տ":"t","ր":"r","ց":"ts`","ւ":"w","փ":"p`","ք":"k`","օ":"o","ֆ":"f","և":"ew","ֱ":"e","ֲ":"a","ֳ":"o","ִ":"i","ֵ":"e","ֶ":"e","ַ":"a","ָ":"a","ֹ":"o","ֺ":"o","ֻ":"u","ׇ":"o","א":"a","ב":"b","ג":"g","ד":"d","ה":"h","ו":"v","ז":"z","ח":"h","ט":"t","י":"y","ך":"kh","כ":"kh","ל":"l","ם":"m","מ":"m","ן":"n","נ":"n","ס":"s","ע":"`","ף":"p","פ":"p","ץ":"ts","צ":"ts","ק":"k","ר":"r","ש":"sh","ת":"t","ׯ":"yyy","װ":"v","ױ":"oy","ײ":"ey","آ":"a","أ":"'","ؤ":"w'","ئ":"y'","ب":"b","ة":"@","ت":"t","ث":"th","ج":"j","ح":"h","خ":"kh","د":"d","ذ":"dh","ر":"r","ز":"z","س":"s","ش":"sh","ص":"s","ض":"d","ط":"t","ظ":"z","ع":"`","غ":"g","ف":"f","ق":"q","ك":"k","ل":"l","م":"m","ن":"n","ه":"h","و":"w","ى":"~","ي":"y","ً":"an","ٌ":"un","ٍ":"in","َ":"a","ُ":"u","ِ":"i","ّ":"w","ٔ":"'","ٕ":"'","٠":"0","١":"1","٢":"2","٣":"3","٤":"4","٥":"5","٦":"6","٧":"7","٨":"8","٩":"9","ٱ":"'","ٲ":"'","ٳ":"'","ٵ":"'","ٶ":"'w","ٷ":"'u","ٸ":"'y","ٹ":"tt","ٺ":"tth","ٻ":"b","ټ":"t","ٽ":"t","پ":"p","ٿ":"th","ڀ":"bh","ځ":"'h","ڂ":"h","ڃ":"ny","ڄ":"dy","څ":"h","چ":"ch","ڇ":"cch","ڈ":"dd","ډ":"d","ڊ":"d","ڋ":"dt","ڌ":"dh","ڍ":"ddh","ڎ":"d","ڏ":"d","ڐ":"d","ڑ":"rr","ڒ":"r","ړ":"r","ڔ":"r","ڕ":"r","ږ":"r","ڗ":"r","ژ":"j","ڙ":"r","ښ":"s","ڛ":"s","ڜ":"s","ڝ":"s","ڞ":"s","ڟ":"t","ڠ":"gh","ڡ":"f","ڢ":"f","ڣ":"f","ڤ":"v","ڥ":"f","ڦ":"ph","ڧ":"q","ڨ":"q","ک":"kh","ڪ":"k","ګ":"k","ڬ":"k","ڭ":"ng","ڮ":"k","گ":"g","ڰ":"g","ڱ":"n","ڲ":"g","ڳ":"g","ڴ":"g","ڵ":"l","ڶ":"l","ڷ":"l","ڸ":"l","ڹ":"n","ں":"n","ڻ":"n","ڼ":"n","ڽ":"n","ھ":"h","ڿ":"ch","ۀ":"hy","ہ":"h","ۂ":"h","ۃ":"@","ۄ":"w","ۅ":"oe","ۆ":"oe","ۇ":"u","ۈ":"yu","ۉ":"yu","ۊ":"w","ۋ":"v","ی":"y","ۍ":"y","ێ":"y","ۏ":"w","ے":"y","ۓ":"y'","ە":"ae","۰":"0","۱":"1","۲":"2","۳":"3","۴":"4","۵":"5","۶":"6","۷":"7","۸":"8","۹":"9","ۺ":"sh","ۻ":"d","ۼ":"gh","ก":"k","ข":"kh","ฃ":"kh","ค":"kh","ฅ":"kh","ฆ":"kh","ง":"ng","จ":"cch","ฉ":"ch","ช":"ch","ซ":"ch","ฌ":"ch","ญ":"y","ฎ":"d","ฏ":"t","ฐ":"th","ฑ":"th","ฒ":"th","ณ":"n","ด":"d","ต":"t","ถ":"th","ท":"th","ธ":"th","น":"n","บ":"b","ป":"p","ผ":"ph","ฝ":"f","พ":"ph","ฟ":"f","ภ":"ph","ม":"m","ย":"y","ร":"r","ฤ":"r","ล":"l","ฦ":"l","ว":"w","ศ":"s","ษ":"s","ส":"s","ห":"h","ฬ":"l","อ":"`","ฮ":"h","ฯ":"~","ะ":"a","ั":"a","า":"aa","ำ":"am","ิ":"i","ี":"ii","ึ":"ue","ื":"uue","ุ":"u","ู":"uu","ฺ":"'","เ":"e","แ":"ae","โ":"o","ใ":"ai","ไ":"ai","ๅ":"ao","ๆ":"+","ํ":"m","๐":"0","๑":"1","๒":"2","๓":"3","๔":"4","๕":"5","๖":"6","๗":"7","๘":"8","๙":"9","Ⴀ":"a","Ⴁ":"b","Ⴂ":"g","Ⴃ":"d","Ⴄ":"e","Ⴅ":"v","Ⴆ":"z","Ⴇ":"t`","Ⴈ":"i","Ⴉ":"k","Ⴊ":"l","Ⴋ":"m","Ⴌ":"n","Ⴍ":"o","Ⴎ":"p","Ⴏ":"zh","Ⴐ":"r","Ⴑ":"s","Ⴒ":"t","Ⴓ":"u","Ⴔ":"p`","Ⴕ":"k`","Ⴖ":"g'","Ⴗ":"q","Ⴘ":"sh","Ⴙ":"ch`","Ⴚ":"c`","Ⴛ":"z'","Ⴜ":"c","Ⴝ":"ch","Ⴞ":"x","Ⴟ":"j","Ⴠ":"h","Ⴡ":"e","Ⴢ":"y","Ⴣ":"w","Ⴤ":"xh","Ⴥ":"oe","ა":"a","ბ":"b","გ":"g","დ":"d","ე":"e","ვ":"v","ზ":"z","თ":"t`","ი":"i","კ":"k","ლ":"l","მ":"m","ნ":"n","ო":"o","პ":"p","ჟ":"zh","რ":"r","ს":"s","ტ":"t","უ":"u","ფ":"p`","ქ":"k`","ღ":"g'","ყ":"q","შ":"sh","ჩ":"ch`","ც":"c`","ძ":"z'","წ":"c","ჭ":"ch","ხ":"x","ჯ":"j","ჰ":"h","ჱ":"e","ჲ":"y","ჳ":"w","ჴ":"xh","ჵ":"oe","ჶ":"f","ぁ":"a","あ":"a","ぃ":"i","い":"i","ぅ":"u","う":"u","ぇ":"e","え":"e","ぉ":"o","お":"o","か":"ka","が":"ga","き":"ki","ぎ":"gi","く":"ku","ぐ":"gu","け":"ke","げ":"ge","こ":"ko","ご":"go","さ":"sa","ざ":"za","し":"shi","じ":"zi","す":"su","ず":"zu","せ":"se","ぜ":"ze","そ":"so","ぞ":"zo","た":"ta","だ":"da","ち":"chi","ぢ":"di","っ":"tsu","つ":"tsu","づ":"du","て":"te","で":"de","と":"to","ど":"do","な":"na","に":"ni","ぬ":"nu","ね":"ne","の":"no","は":"ha","ば":"ba","ぱ":"pa","ひ":"hi","び":"bi","ぴ":"pi","ふ":"hu","ぶ":"bu","ぷ":"pu","へ":"he","べ":"be","ぺ":"pe","ほ":"ho","ぼ":"bo","ぽ":"po","ま":"ma","み":"mi","む":"mu","め":"me","も":"mo","ゃ":"ya","や":"ya","ゅ":"yu","ゆ":"yu","ょ":"yo","よ":"yo","ら":"ra","り":"ri","る":"ru","れ":"re","ろ":"ro","ゎ":"wa","わ":"wa","ゐ":"wi","ゑ":"we","を":"wo","ん":"n","ゔ":"vu","ゝ":"\"","ゞ":"\"","ァ":"a","ア":"a","ィ":"i","イ":"i","ゥ":"u","ウ":"u","ェ":"e","エ":"e","ォ":"o","オ":"o","カ":"ka","ガ":"ga","キ":"ki","ギ":"gi","ク":"ku","グ":"gu","ケ":"ke","ゲ":"ge","コ":"ko","ゴ":"go","サ":"sa","ザ":"za","シ":"shi","ジ":"zi","ス":"su","ズ":"zu","セ":"se","ゼ":"ze","ソ":"so","ゾ":"zo","タ":"ta","ダ":"da","チ":"chi","ヂ":"di","ッ":"tsu","ツ":"tsu","ヅ":"du","テ":"te","デ":"de","ト":"to","ド":"do","ナ":"na","ニ":"ni","ヌ":"nu","ネ":"ne","ノ":"no","ハ":"ha","バ":"ba","パ":"pa","ヒ":"hi","ビ":"bi","ピ":"pi","フ":"hu","ブ":"bu","プ":"pu","ヘ":"he","ベ":"be","ペ":"pe","ホ":"ho","ボ":"bo","ポ":"po","マ":"ma","ミ":"mi","ム":"mu","メ":"me","モ":"mo","ャ":"ya","ヤ":"ya","ュ":"yu","ユ":"yu","ョ":"yo","ヨ":"yo","ラ":"ra","リ":"ri","ル":"ru","レ":"re","ロ":"ro","ヮ":"wa","ワ":"wa","ヰ":"wi","ヱ":"we","ヲ":"wo","ン":"n","ヴ":"vu","ヵ":"ka","ヶ":"ke","ヷ":"va","ヸ":"vi","ヹ":"ve","ヺ":"vo","ー":"-","ヽ":"\"","ヾ":"\""};

  function slugify(text) {
    // As plugins/bulletin_contract/slugs.py: letters of any script, a name
    // without letters or digits gives "".
    if (!/[\p{L}\p{N}]/u.test(text)) {
      return "";
    }
    // NFKC: `½` is 1⁄2, a half-width `ｻ` is サ (slugs.py)
    var words = Array.from(text.normalize("NFKC"), function (char) {
      if (!/[\p{L}\p{M}\p{N}]/u.test(char)) {
        return " ";
      }
      return Object.prototype.hasOwnProperty.call(TRANSLITERATION, char) ? TRANSLITERATION[char] : char;
    }).join("");
    return words.normalize("NFKD").replace(/[^\x00-\x7f]/g, "").toLowerCase()
      .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  }

  // Today (YYYY-MM-DD) where the bulletin is (`zone`, the settings'
  // BULLETIN_TIMEZONE), as the build and the commands reckon it, whatever
  // the browser's own time zone.
  function todayIn(zone) {
    var parts = {};
    new Intl.DateTimeFormat("en-US", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" })
      .formatToParts(new Date()).forEach(function (part) {
        parts[part.type] = part.value;
      });
    return parts.year + "-" + parts.month + "-" + parts.day;
  }

  var hasControl = BulletinContract.hasControl; // the checker's own (contract.js)
  var stackedMarks = BulletinContract.stackedMarks;

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  // --- the canonical file (mirrors writer.py) ---------------------------------

  var ESCAPES = { "\"": "\\\"", "\\": "\\\\", "\n": "\\n", "\t": "\\t" };

  function quote(text) {
    var out = "";
    Array.from(text).forEach(function (char) {
      var code = char.codePointAt(0);
      if (ESCAPES[char]) {
        out += ESCAPES[char];
      } else if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 ||
                 code === 0x2029 || code === 0xfeff || code === 0xfffe || code === 0xffff) {
        out += "\\u" + pad(code.toString(16), 4);
      } else {
        out += char;
      }
    });
    return "\"" + out + "\"";
  }

  function empty(value) {
    return value === undefined || value === null || value === "" ||
      (Array.isArray(value) && !value.length) ||
      (typeof value === "object" && !Array.isArray(value) && !Object.keys(value).some(function (key) {
        return !empty(value[key]);
      }));
  }

  function emit(values, table, lines, indent) {
    Object.keys(table).forEach(function (key) {
      var value = values[key];
      if (empty(value)) {
        return;
      }
      if (table[key].kind === "mapping") {
        lines.push(indent + key + ":");
        emit(value, table[key].fields, lines, indent + "  ");
      } else if (typeof value === "boolean") {
        lines.push(indent + key + ": " + (value ? "true" : "false"));
      } else if (Array.isArray(value)) {
        lines.push(indent + key + ": [" + value.map(quote).join(", ") + "]");
      } else {
        lines.push(indent + key + ": " + quote(value));
      }
    });
  }

  // --- reading a form and checking one value against its rule ----------------

  // Pattern rules name their own message: form_err_<kind>.
  function Fields(form, messages) {
    this.form = form;
    this.M = messages;
  }

  Fields.prototype.input = function (name) {
    return this.form.elements[name];
  };

  Fields.prototype.value = function (name) {
    var field = this.input(name);
    return field ? field.value : "";
  };

  Fields.prototype.label = function (name) {
    var wrapper = this.form.querySelector("[data-field=\"" + name + "\"]");
    return wrapper ? wrapper.getAttribute("data-label") : name;
  };

  function lowerFirst(text) {
    return text.charAt(0).toLocaleLowerCase() + text.slice(1);
  }

  /* The checker's message `key` with its `values` on the field `label`: a
     message that names its key names the label there, any other has the
     label before it ("Sähköpostiosoite x ei kelpaa" on the field
     "Sähköposti" names no field, though it holds the label's letters). */
  function inField(messages, key, values, label, door) {
    var text = format(messages[key], Object.assign({}, values, { key: label }), door);
    return /\{key[=}]/.test(messages[key]) ? text : format(messages.form_err_in_field, { label: label, message: text });
  }

  function Checker(fields) {
    this.fields = fields;
    this.errors = [];
  }

  Checker.prototype.fail = function (name, key, values) {
    var all = Object.assign({ label: this.fields.label(name) }, values || {});
    this.errors.push({ name: name, message: format(this.fields.M[key], all) });
  };

  Checker.prototype.required = function (name) {
    // a list is chosen from, a box is written in
    var input = this.fields.input(name);
    var key = input && input.tagName === "SELECT" ? "form_err_required_choice" : "form_err_required_text";
    this.fail(name, key, { label: lowerFirst(this.fields.label(name)) });
  };

  // One line of plain text (or `text` itself), checked against its rule in the schema.
  Checker.prototype.text = function (name, rule, text) {
    text = oneLine(text === undefined ? this.fields.value(name) : text);
    if (!text) {
      if (rule.required) {
        this.required(name);
      }
      return "";
    }
    if (BulletinContract.isBlank(text)) {
      this.blank(name);
    } else if (hasControl(text)) {
      this.fail(name, "form_err_control");
    } else if (rule.marks && stackedMarks(text) > rule.marks) {
      this.stacked(name, rule, text);
    } else if (rule.limit && codePoints(text) > rule.limit) {
      this.fail(name, "form_err_too_long", { limit: rule.limit, length: codePoints(text) });
    } else if (rule.message) { // a Pattern rule (an address): the checker's, in its words
      this.judged(name, function () { BulletinContract.pattern(rule, text, name); }, this.fields.M);
    } else if (rule.pattern && !new RegExp(rule.pattern).test(text)) {
      this.fail(name, "form_err_" + rule.kind);
    } else if (rule.lookalikes) { // fields.Name: a letter that only looks like a Finnish keyboard's
      var M = this.fields.M;
      this.judged(name, function () { BulletinContract.refuseLookalike(rule.lookalikes, M, text, name); }, M);
    }
    return text;
  };

  // Only characters drawn as nothing (a Hangul filler, the blank Braille
  // pattern, zero-width spaces): the checker's "is empty", in its words.
  Checker.prototype.blank = function (name) {
    this.invalid(name, new BulletinContract.Invalid("err_empty"), this.fields.M);
  };

  // A heap of accents on one letter, in the checker's words (fields._check_text).
  Checker.prototype.stacked = function (name, rule, text) {
    this.invalid(name, new BulletinContract.Invalid("err_stacked_marks", { count: stackedMarks(text), most: rule.marks }),
                 this.fields.M);
  };

  /* The checker's finding `err` (contract.js's Invalid: a message key and
     its values) on the field `name`, in the checker's own words from
     `messages`: the key it names is the field's label, as the notice form
     names it (submit.js), or the label goes before the message. */
  Checker.prototype.invalid = function (name, err, messages) {
    this.errors.push({ name: name, message: inField(messages, err.key, err.values, this.fields.label(name),
                                                        this.fields.door) });
  };

  // `value` by the checker's own rule (contract.js): refused, it is said in
  // the checker's words on the field `name`. True when it passes.
  Checker.prototype.parsed = function (name, rule, value, contract, messages) {
    return this.judged(name, function () { contract.parse(rule, value, name); }, messages);
  };

  // `rule` (a call of a rule of contract.js) refused: said in the checker's
  // words (`messages`) on the field `name`. True when it passes.
  Checker.prototype.judged = function (name, rule, messages) {
    try {
      rule();
      return true;
    } catch (err) {
      if (!(err instanceof BulletinContract.Invalid)) {
        throw err;
      }
      this.invalid(name, err, messages);
      return false;
    }
  };
  // A whole number, by the checker's rule; spaces in it ("1 200") are the reader's.
  Checker.prototype.number = function (name, rule, contract, messages) {
    var text = this.fields.value(name).replace(/\s+/g, "");
    if (text) {
      this.parsed(name, rule, text, contract, messages);
    } else if (rule.required) {
      this.required(name);
    }
    return text;
  };
  /* A Markdown description (a space's, an association's) as the checker reads
     it (check_markdown, run by contract.js): control characters, its limit,
     then raw HTML, dangerous links and the rest, each named by its line as
     the notice form names its text's. `messages` holds the checker's keys. */
  Checker.prototype.description = function (name, rule, contract, messages) {
    var self = this;
    var text = BulletinContract.strip(this.fields.value(name).replace(/\r\n?/g, "\n"));
    if (text && BulletinContract.isBlank(text)) {
      this.blank(name);
    } else if (hasControl(text.replace(/\n/g, " "))) {
      this.fail(name, "form_err_control");
    } else if (rule.marks && stackedMarks(text) > rule.marks) {
      this.stacked(name, rule, text);
    } else if (codePoints(text) > rule.limit) {
      this.fail(name, "form_err_too_long", { limit: rule.limit, length: codePoints(text) });
    } else {
      contract.markdown(text).forEach(function (finding) {
        self.errors.push({ name: name, message: format(messages.form_err_body_line, {
          label: self.fields.label(name), line: finding.line, message: format(messages[finding.key], finding.values) }) });
      });
    }
    return text;
  };

  // --- showing errors: a summary that takes focus, a message by each field ----

  function describe(control, id, on) {
    var ids = (control.getAttribute("aria-describedby") || "").split(" ").filter(function (x) {
      return x && x !== id;
    });
    if (on) {
      ids.push(id);
    }
    if (ids.length) {
      control.setAttribute("aria-describedby", ids.join(" "));
    } else {
      control.removeAttribute("aria-describedby");
    }
  }

  // A field's control is #f-<name>: an input, or the fieldset of a group of choices.
  function Errors(form, summary, prefix) {
    this.form = form;
    this.summary = summary;
    this.prefix = prefix;
    this.pageTitle = document.title;
  }

  Errors.prototype.control = function (name) {
    return this.form.querySelector("#f-" + name);
  };

  Errors.prototype.clear = function () {
    var self = this;
    this.form.querySelectorAll(".bl-field--error").forEach(function (wrapper) {
      wrapper.classList.remove("bl-field--error");
      var name = wrapper.getAttribute("data-field");
      self.form.querySelector("#f-" + name + "-error").hidden = true;
      var control = self.control(name);
      describe(control, "f-" + name + "-error", false);
      control.removeAttribute("aria-invalid");
    });
    this.summary.hidden = true;
    document.title = this.pageTitle;
  };

  Errors.prototype.show = function (errors) {
    var self = this;
    var list = this.summary.querySelector("[data-error-list]");
    list.textContent = "";
    var said = {}; // each field's messages, in the summary's order
    errors.forEach(function (error) {
      var control = self.control(error.name);
      var first = control.tagName === "FIELDSET" ? control.querySelector("input") : control;
      var item = element("li");
      var link = element("a", null, error.message);
      link.href = "#" + first.id;
      link.addEventListener("click", function (event) {
        event.preventDefault();
        first.focus();
        self.form.querySelector("[data-field=\"" + error.name + "\"]").scrollIntoView({ block: "start" });
      });
      item.appendChild(link);
      list.appendChild(item);
      (said[error.name] = said[error.name] || []).push(error.message);
    });
    // One message beside each field, with all its faults: the field a link
    // leads to is read with that link's fault (a text's second faulty line too).
    Object.keys(said).forEach(function (name) {
      var control = self.control(name);
      self.form.querySelector("[data-field=\"" + name + "\"]").classList.add("bl-field--error");
      var message = self.form.querySelector("#f-" + name + "-error");
      message.querySelector("[data-error-text]").textContent = said[name].join(" ");
      message.hidden = false;
      describe(control, message.id, true);
      if (control.tagName !== "FIELDSET") {
        control.setAttribute("aria-invalid", "true");
      }
    });
    this.summary.hidden = false;
    document.title = this.prefix + " " + this.pageTitle;
    this.summary.focus();
  };

  // --- the ways to hand a file over -------------------------------------------

  function githubNewFile(repository, branch, path, text) {
    return "https://github.com/" + repository + "/new/" + encodeURIComponent(branch) +
      "?filename=" + path.split("/").map(encodeURIComponent).join("/") +
      "&value=" + encodeURIComponent(text);
  }

  function download(text, name, type) {
    var blob = new Blob([text], { type: type });
    var link = element("a");
    link.href = URL.createObjectURL(blob);
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 10000);
  }

  // Copies `text`; else selects it in `area` for Ctrl+C. Says which in `status`.
  function copy(text, area, status, M) {
    function fallback() {
      area.focus();
      area.select();
      var copied = false;
      try {
        copied = document.execCommand("copy");
      } catch (err) {
        copied = false;
      }
      status.textContent = copied ? M.send_copied : M.send_copy_failed;
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () {
        status.textContent = M.send_copied;
      }, fallback);
    } else {
      fallback();
    }
  }

  // --- the flow: answers checked, then a preview with the file and the ways ---

  // On "submit" the answers are checked (`how.check()` gives {errors, ...});
  // with none, `how.prepare(answers)` fills the preview and gives the file
  // {text, name}, which the download (as `how.type`) and copy buttons hand
  // over. "Edit" goes back to the form, to the control `how.first`.
  function flow(form, preview, errors, how) {
    var file = null;
    form.addEventListener("submit", function (event) {
      event.preventDefault(); // nothing is sent: the preview offers the ways
      errors.clear();
      var answers = how.check();
      if (answers.errors.length) {
        errors.show(answers.errors);
        return;
      }
      file = how.prepare(answers);
      form.hidden = true;
      preview.hidden = false;
      preview.querySelector("h2").focus();
    });
    preview.querySelector("[data-send-download]").addEventListener("click", function () {
      download(file.text, file.name, how.type);
    });
    preview.querySelector("[data-send-copy]").addEventListener("click", function () {
      copy(file.text, preview.querySelector("[data-file]"), preview.querySelector("[data-send-copy-status]"), how.M);
    });
    preview.querySelector("[data-edit]").addEventListener("click", function () {
      preview.hidden = true;
      form.hidden = false;
      form.elements[how.first].focus();
    });
  }

  window.BulletinForm = {
    format: format, inField: inField, pad: pad, codePoints: codePoints, oneLine: oneLine, slugify: slugify, todayIn: todayIn,
    hasControl: hasControl, element: element, quote: quote, empty: empty, emit: emit,
    Fields: Fields, Checker: Checker, lowerFirst: lowerFirst, describe: describe, Errors: Errors,
    githubNewFile: githubNewFile, download: download, copy: copy, flow: flow
  };
}());
