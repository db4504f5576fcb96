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

  // Letters that have a slug (Unidecode writes them) which the table above
  // cannot make (中, 한, ह): written by scripts/transliteration.py.
  var UNWRITTEN = /[\u{250}-\u{258}\u{25b}-\u{28b}\u{28d}-\u{293}\u{297}\u{299}-\u{2a0}\u{2a3}-\u{2ac}\u{2ae}-\u{2af}\u{2b1}\u{2b4}-\u{2b6}\u{2c7}\u{2e0}\u{2ec}\u{712}-\u{724}\u{726}-\u{72c}\u{780}-\u{786}\u{788}-\u{7a1}\u{7a3}-\u{7a5}\u{905}-\u{939}\u{950}\u{958}-\u{961}\u{966}-\u{96f}\u{985}-\u{98c}\u{98f}-\u{990}\u{993}-\u{9a8}\u{9aa}-\u{9b0}\u{9b2}\u{9b6}-\u{9b9}\u{9dc}-\u{9dd}\u{9df}-\u{9e1}\u{9e6}-\u{9f1}\u{9f4}-\u{9f9}\u{a05}-\u{a0a}\u{a0f}-\u{a10}\u{a13}-\u{a28}\u{a2a}-\u{a30}\u{a32}-\u{a33}\u{a35}-\u{a36}\u{a38}-\u{a39}\u{a59}-\u{a5c}\u{a5e}\u{a66}-\u{a6f}\u{a74}\u{a85}-\u{a8b}\u{a8d}\u{a8f}-\u{a91}\u{a93}-\u{aa8}\u{aaa}-\u{ab0}\u{ab2}-\u{ab3}\u{ab5}-\u{ab9}\u{ad0}\u{ae0}\u{ae6}-\u{aef}\u{b05}-\u{b0c}\u{b0f}-\u{b10}\u{b13}-\u{b28}\u{b2a}-\u{b30}\u{b32}-\u{b33}\u{b36}-\u{b39}\u{b5c}-\u{b5d}\u{b5f}-\u{b61}\u{b66}-\u{b6f}\u{b83}\u{b85}-\u{b8a}\u{b8e}-\u{b90}\u{b92}-\u{b95}\u{b99}-\u{b9a}\u{b9c}\u{b9e}-\u{b9f}\u{ba3}-\u{ba4}\u{ba8}-\u{baa}\u{bae}-\u{bb5}\u{bb7}-\u{bb9}\u{be6}-\u{bf2}\u{c05}-\u{c0c}\u{c0e}-\u{c10}\u{c12}-\u{c28}\u{c2a}-\u{c33}\u{c35}-\u{c39}\u{c60}-\u{c61}\u{c66}-\u{c6f}\u{c85}-\u{c8c}\u{c8e}-\u{c90}\u{c92}-\u{ca8}\u{caa}-\u{cb3}\u{cb5}-\u{cb9}\u{cde}\u{ce0}-\u{ce1}\u{ce6}-\u{cef}\u{d05}-\u{d0c}\u{d0e}-\u{d10}\u{d12}-\u{d28}\u{d2a}-\u{d39}\u{d60}-\u{d61}\u{d66}-\u{d6f}\u{d85}-\u{d96}\u{d9a}-\u{db1}\u{db3}-\u{dbb}\u{dbd}\u{dc0}-\u{dc6}\u{e81}-\u{e82}\u{e84}\u{e87}-\u{e88}\u{e8a}\u{e8d}\u{e94}-\u{e97}\u{e99}-\u{e9f}\u{ea1}-\u{ea3}\u{ea5}\u{ea7}\u{eaa}-\u{eab}\u{eb0}\u{eb2}-\u{eb3}\u{ebd}\u{ec0}-\u{ec4}\u{ed0}-\u{ed9}\u{edc}-\u{edd}\u{f00}\u{f20}-\u{f33}\u{f40}-\u{f47}\u{f49}-\u{f5f}\u{f61}-\u{f6a}\u{1000}-\u{1021}\u{1023}-\u{1027}\u{1029}-\u{102a}\u{1040}-\u{1049}\u{1050}-\u{1055}\u{1100}-\u{110a}\u{110c}-\u{111f}\u{1121}-\u{113b}\u{1140}-\u{1146}\u{1148}-\u{114d}\u{1152}-\u{1153}\u{1156}-\u{1159}\u{1161}-\u{11a2}\u{11a8}-\u{11ed}\u{11ef}-\u{11f9}\u{1200}-\u{1206}\u{1208}-\u{1246}\u{1248}\u{124a}-\u{124d}\u{1250}-\u{1256}\u{1258}\u{125a}-\u{125d}\u{1260}-\u{1286}\u{1288}\u{128a}-\u{128d}\u{1290}-\u{12a1}\u{12a3}-\u{12ae}\u{12b0}\u{12b2}-\u{12b5}\u{12b8}-\u{12be}\u{12c0}\u{12c2}-\u{12c5}\u{12c8}-\u{12ce}\u{12d0}-\u{12d6}\u{12d8}-\u{12ee}\u{12f0}-\u{130e}\u{1310}\u{1312}-\u{1315}\u{1318}-\u{131e}\u{1320}-\u{1346}\u{1348}-\u{135a}\u{1369}-\u{137c}\u{13a0}-\u{13f4}\u{1401}-\u{141d}\u{141f}-\u{1425}\u{1427}-\u{1428}\u{142a}-\u{166c}\u{166f}-\u{1676}\u{1681}-\u{169a}\u{16a0}-\u{16ea}\u{16ee}-\u{16f0}\u{1780}-\u{17b3}\u{17e0}-\u{17e9}\u{1810}-\u{1819}\u{1820}-\u{1842}\u{1844}-\u{1877}\u{1881}-\u{1884}\u{1887}-\u{18a8}\u{1d00}-\u{1d0f}\u{1d11}\u{1d13}-\u{1d15}\u{1d18}-\u{1d22}\u{1d2f}\u{1d3b}\u{1d44}-\u{1d46}\u{1d4b}-\u{1d4c}\u{1d4e}\u{1d53}\u{1d59}-\u{1d5a}\u{1d6c}-\u{1d77}\u{1d7d}\u{1d80}-\u{1d8a}\u{1d8c}-\u{1d8e}\u{1d9b}\u{1d9d}\u{1d9f}\u{1da1}-\u{1da6}\u{1da8}-\u{1db4}\u{1db6}-\u{1db9}\u{1dbc}-\u{1dbe}\u{1e9e}\u{1f00}-\u{1f15}\u{1f18}-\u{1f1d}\u{1f20}-\u{1f45}\u{1f48}-\u{1f4d}\u{1f50}-\u{1f57}\u{1f59}\u{1f5b}\u{1f5d}\u{1f5f}-\u{1f70}\u{1f72}\u{1f74}\u{1f76}\u{1f78}\u{1f7a}\u{1f7c}\u{1f80}-\u{1fb4}\u{1fb6}-\u{1fba}\u{1fbc}\u{1fc2}-\u{1fc4}\u{1fc6}-\u{1fc8}\u{1fca}\u{1fcc}\u{1fd0}-\u{1fd2}\u{1fd6}-\u{1fda}\u{1fe0}-\u{1fe2}\u{1fe4}-\u{1fea}\u{1fec}\u{1ff2}-\u{1ff4}\u{1ff6}-\u{1ff8}\u{1ffa}\u{1ffc}\u{2132}\u{214e}\u{2180}-\u{2181}\u{24eb}-\u{24ff}\u{2c60}-\u{2c6c}\u{2c6e}-\u{2c6f}\u{3007}\u{3021}-\u{3029}\u{3038}-\u{303a}\u{3105}-\u{312c}\u{3131}-\u{3146}\u{3148}-\u{3163}\u{3165}-\u{3172}\u{3174}-\u{317f}\u{3181}-\u{318e}\u{3192}-\u{3195}\u{31a0}-\u{31b7}\u{3220}-\u{3229}\u{3280}-\u{3289}\u{4e00}-\u{4e05}\u{4e07}-\u{4e49}\u{4e4b}-\u{4e5a}\u{4e5c}-\u{4e64}\u{4e66}-\u{4e6d}\u{4e6f}-\u{4e7c}\u{4e7e}-\u{4ea9}\u{4eab}-\u{4ee8}\u{4eea}-\u{4f2b}\u{4f2d}-\u{4f65}\u{4f67}\u{4f69}-\u{4fe6}\u{4fe8}-\u{4feb}\u{4fed}-\u{503e}\u{5040}-\u{50a5}\u{50a7}-\u{50f1}\u{50f3}-\u{510e}\u{5110}-\u{516e}\u{5170}-\u{5306}\u{5308}-\u{5380}\u{5382}-\u{5390}\u{5392}-\u{53fd}\u{53ff}-\u{5459}\u{545b}-\u{54d5}\u{54d7}-\u{54da}\u{54dc}-\u{5578}\u{557a}-\u{55f3}\u{55f5}-\u{5690}\u{5693}-\u{56d4}\u{56d7}-\u{5789}\u{578b}-\u{57ae}\u{57b0}-\u{580e}\u{5810}-\u{5811}\u{5813}\u{5815}-\u{5845}\u{5847}-\u{589a}\u{589c}-\u{58e9}\u{58eb}-\u{58ec}\u{58ee}-\u{5910}\u{5912}-\u{594c}\u{594e}-\u{5a32}\u{5a34}-\u{5aaa}\u{5aac}-\u{5b66}\u{5b68}-\u{5c20}\u{5c22}-\u{5c56}\u{5c58}-\u{5c71}\u{5c73}-\u{5c76}\u{5c78}-\u{5c82}\u{5c84}-\u{5d2f}\u{5d31}-\u{5d74}\u{5d76}-\u{5db5}\u{5db7}-\u{5dbe}\u{5dc0}-\u{5dd4}\u{5dd6}-\u{5e64}\u{5e66}-\u{5e91}\u{5e93}-\u{5eec}\u{5eee}-\u{5f93}\u{5f95}-\u{5f99}\u{5f9b}-\u{603c}\u{603e}-\u{6124}\u{6126}-\u{614f}\u{6151}-\u{61f2}\u{61f4}-\u{62a2}\u{62a4}-\u{62e3}\u{62e5}-\u{6363}\u{6365}-\u{63b5}\u{63b7}-\u{63fa}\u{63fd}-\u{64b5}\u{64b7}-\u{64db}\u{64dd}-\u{6519}\u{651b}-\u{658e}\u{6590}-\u{66e1}\u{66e3}-\u{6710}\u{6712}-\u{6724}\u{6726}-\u{672f}\u{6731}-\u{67a3}\u{67a5}-\u{6805}\u{6807}-\u{685d}\u{685f}-\u{6928}\u{692a}-\u{692b}\u{692d}-\u{698a}\u{698c}-\u{69e0}\u{69e2}-\u{6a2c}\u{6a2e}-\u{6a79}\u{6a7c}-\u{6ac9}\u{6acb}-\u{6ae5}\u{6ae7}-\u{6af4}\u{6af6}-\u{6b0c}\u{6b0e}-\u{6bdb}\u{6bde}-\u{6bf5}\u{6bf7}-\u{6c1d}\u{6c1f}-\u{6c62}\u{6c64}-\u{6cf8}\u{6cfa}-\u{6d1b}\u{6d1d}-\u{6da4}\u{6da6}-\u{6e0e}\u{6e10}-\u{6e83}\u{6e85}-\u{6e89}\u{6e8c}-\u{6ee6}\u{6ee8}-\u{6f47}\u{6f4a}-\u{6f9a}\u{6f9c}\u{6f9e}-\u{6fce}\u{6fd0}-\u{6ff7}\u{6ff9}-\u{702c}\u{702f}-\u{705b}\u{705d}-\u{709d}\u{709f}-\u{70be}\u{70c0}-\u{70e4}\u{70e6}-\u{70e9}\u{70eb}-\u{70ed}\u{70ef}-\u{7110}\u{7113}-\u{7138}\u{713a}-\u{713c}\u{7141}-\u{7175}\u{7178}-\u{7195}\u{7197}-\u{71b3}\u{71b5}-\u{71dc}\u{71df}-\u{720d}\u{720f}-\u{7217}\u{7219}-\u{721f}\u{7221}-\u{7225}\u{7227}-\u{7232}\u{7234}-\u{7256}\u{7258}-\u{729d}\u{729f}-\u{7346}\u{7348}-\u{73ee}\u{73f0}-\u{7411}\u{7413}-\u{743a}\u{743c}-\u{748c}\u{748e}-\u{74a3}\u{74a5}-\u{74b3}\u{74b5}-\u{7665}\u{7667}-\u{7676}\u{7678}-\u{77a2}\u{77a4}-\u{781a}\u{781c}-\u{783c}\u{783e}-\u{7852}\u{7854}-\u{7857}\u{7859}-\u{785a}\u{785c}-\u{7872}\u{7874}-\u{78b6}\u{78b8}-\u{78d6}\u{78d8}-\u{78ed}\u{78ef}-\u{7901}\u{7903}-\u{7920}\u{7923}-\u{794c}\u{794e}-\u{7998}\u{799a}-\u{79a2}\u{79a4}-\u{7a24}\u{7a26}-\u{7a51}\u{7a53}-\u{7a6e}\u{7a70}-\u{7aa6}\u{7aa8}-\u{7abc}\u{7abe}-\u{7bcf}\u{7bd1}-\u{7c2e}\u{7c30}-\u{7c41}\u{7c43}-\u{7c4d}\u{7c4f}-\u{7c7f}\u{7c81}-\u{7c8b}\u{7c8d}-\u{7ca8}\u{7caa}-\u{7cab}\u{7cad}-\u{7ceb}\u{7ced}-\u{7eeb}\u{7eed}-\u{7f3f}\u{7f41}-\u{7f55}\u{7f57}-\u{7ff5}\u{7ff7}-\u{8001}\u{8003}-\u{8040}\u{8042}-\u{8052}\u{8054}-\u{8062}\u{8064}-\u{810b}\u{810d}-\u{8223}\u{8225}-\u{823e}\u{8240}-\u{8247}\u{8249}-\u{8253}\u{8255}-\u{830f}\u{8311}\u{8313}-\u{833d}\u{833f}-\u{8361}\u{8363}-\u{841d}\u{8420}\u{8422}\u{8424}-\u{8489}\u{848b}-\u{848e}\u{8490}-\u{84dd}\u{84df}-\u{84e3}\u{84e5}-\u{8570}\u{8572}-\u{85d3}\u{85d5}-\u{85f1}\u{85f3}-\u{85f4}\u{85f6}-\u{8614}\u{8616}-\u{8644}\u{8646}-\u{8671}\u{8673}-\u{8749}\u{874b}-\u{8780}\u{8782}-\u{87a8}\u{87aa}-\u{87f4}\u{87f6}-\u{8833}\u{8835}-\u{884f}\u{8851}-\u{88c6}\u{88c8}-\u{8967}\u{8969}-\u{8983}\u{8985}-\u{8b02}\u{8b04}-\u{8b21}\u{8b23}-\u{8c6d}\u{8c6f}-\u{8d0b}\u{8d0d}-\u{8d17}\u{8d19}-\u{8daf}\u{8db1}-\u{8e0d}\u{8e0f}-\u{8ebb}\u{8ebd}-\u{8fa9}\u{8fab}-\u{9063}\u{9065}-\u{909b}\u{909d}-\u{915b}\u{915d}-\u{922a}\u{922c}-\u{92f3}\u{92f5}-\u{933e}\u{9340}-\u{9341}\u{9343}-\u{9344}\u{9346}-\u{9385}\u{9387}-\u{93bb}\u{93bf}-\u{93ee}\u{93f0}\u{93f3}-\u{9421}\u{9424}-\u{9465}\u{9468}-\u{95cd}\u{95cf}-\u{95e6}\u{95e8}-\u{96a0}\u{96a2}-\u{9716}\u{9718}-\u{973a}\u{973c}-\u{974c}\u{974e}-\u{97d4}\u{97d6}-\u{97de}\u{97e0}-\u{98c9}\u{98cb}-\u{99c6}\u{99c8}-\u{9b97}\u{9b99}-\u{9d90}\u{9d92}-\u{9eb5}\u{9eb7}-\u{9fa5}\u{a000}-\u{a48c}\u{ab5e}\u{ab69}\u{ac00}-\u{d7a3}\u{f900}-\u{fa0d}\u{fa10}\u{fa12}\u{fa15}-\u{fa1e}\u{fa20}\u{fa22}\u{fa25}-\u{fa26}\u{fa2a}-\u{fa6b}\u{fa6d}\u{fa70}-\u{face}\u{fad8}-\u{fad9}\u{ffa1}-\u{ffb6}\u{ffb8}-\u{ffbe}\u{ffc2}-\u{ffc7}\u{ffca}-\u{ffcf}\u{ffd2}-\u{ffd7}\u{ffda}-\u{ffdc}\u{10784}-\u{10785}\u{10787}\u{10789}-\u{1078c}\u{1078e}-\u{10794}\u{10796}-\u{1079b}\u{1079e}\u{107a0}\u{107a3}-\u{107a4}\u{107a6}\u{107a8}-\u{107ac}\u{107ae}-\u{107af}\u{107b2}\u{2f800}-\u{2f802}\u{2f804}-\u{2f80b}\u{2f80e}-\u{2f811}\u{2f814}-\u{2f815}\u{2f817}-\u{2f81b}\u{2f81d}-\u{2f81e}\u{2f820}-\u{2f823}\u{2f825}-\u{2f833}\u{2f835}-\u{2f837}\u{2f839}-\u{2f858}\u{2f85a}-\u{2f85f}\u{2f862}-\u{2f866}\u{2f869}-\u{2f86b}\u{2f86d}-\u{2f870}\u{2f872}-\u{2f875}\u{2f877}-\u{2f87a}\u{2f87c}\u{2f87e}-\u{2f882}\u{2f884}-\u{2f887}\u{2f88b}-\u{2f88e}\u{2f890}\u{2f893}-\u{2f895}\u{2f899}-\u{2f89a}\u{2f89d}-\u{2f8a0}\u{2f8a3}\u{2f8a5}-\u{2f8b7}\u{2f8b9}-\u{2f8bd}\u{2f8bf}-\u{2f8c1}\u{2f8c3}-\u{2f8c6}\u{2f8c8}-\u{2f8c9}\u{2f8cb}-\u{2f8cd}\u{2f8cf}\u{2f8d2}-\u{2f8d6}\u{2f8d8}-\u{2f8dc}\u{2f8df}-\u{2f8e2}\u{2f8e4}-\u{2f8e6}\u{2f8e8}-\u{2f8eb}\u{2f8ed}\u{2f8ef}\u{2f8f1}\u{2f8f3}-\u{2f8f6}\u{2f8fa}\u{2f8fc}-\u{2f905}\u{2f907}-\u{2f909}\u{2f90b}-\u{2f90c}\u{2f90e}-\u{2f90f}\u{2f912}-\u{2f915}\u{2f917}-\u{2f91a}\u{2f91c}\u{2f91e}\u{2f920}-\u{2f922}\u{2f924}-\u{2f925}\u{2f928}-\u{2f929}\u{2f92b}\u{2f92e}-\u{2f932}\u{2f934}\u{2f936}\u{2f938}\u{2f93a}\u{2f940}\u{2f945}-\u{2f948}\u{2f94a}\u{2f94e}-\u{2f950}\u{2f953}\u{2f956}-\u{2f957}\u{2f959}-\u{2f95b}\u{2f95f}\u{2f962}-\u{2f963}\u{2f966}\u{2f968}-\u{2f96a}\u{2f96c}\u{2f96e}-\u{2f970}\u{2f976}\u{2f978}-\u{2f97a}\u{2f97d}\u{2f97f}\u{2f982}-\u{2f983}\u{2f985}-\u{2f986}\u{2f98b}-\u{2f98d}\u{2f98f}-\u{2f996}\u{2f998}-\u{2f9a3}\u{2f9a8}-\u{2f9aa}\u{2f9ac}\u{2f9b3}-\u{2f9be}\u{2f9c0}-\u{2f9c1}\u{2f9c3}-\u{2f9c4}\u{2f9c6}-\u{2f9c7}\u{2f9c9}\u{2f9cf}-\u{2f9d2}\u{2f9d4}-\u{2f9d7}\u{2f9da}-\u{2f9dc}\u{2f9de}-\u{2f9df}\u{2f9e2}-\u{2f9e4}\u{2f9e6}-\u{2f9ec}\u{2f9ee}\u{2f9f0}\u{2f9f3}-\u{2f9f5}\u{2f9fa}\u{2f9fe}-\u{2fa00}\u{2fa02}\u{2fa04}-\u{2fa07}\u{2fa0a}-\u{2fa0c}\u{2fa0f}\u{2fa15}\u{2fa17}-\u{2fa1c}]/u;

  function slugify(text) {
    // As plugins/bulletin_contract/slugs.py: letters of any script, a name
    // without letters or digits gives "".
    if (!/[\p{L}\p{N}]/u.test(text)) {
      return "";
    }
    // NFKC: `½` is 1⁄2, a half-width `ｻ` is サ (slugs.py)
    var words = Array.from(text.normalize("NFKC"), function (char) {
      if (!/[\p{L}\p{M}\p{N}]/u.test(char)) {
        return /\p{Cf}/u.test(char) ? "" : " "; // drawn as nothing: no break between words (slugs.py)
      }
      return Object.prototype.hasOwnProperty.call(TRANSLITERATION, char) ? TRANSLITERATION[char] : char;
    }).join("");
    return words.normalize("NFKD").replace(/[^\x00-\x7f]/g, "").toLowerCase()
      .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  }

  // Has the text a slug by slugs.py's rule, as a tag and a name must? One the
  // form makes, or letters it cannot write that have one.
  function hasSlug(text) {
    return slugify(text) !== "" || UNWRITTEN.test(text.normalize("NFKC"));
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
  // A whole number, by the checker's rule, which reads thousands written
  // apart ("1 200") and names what was typed; the file holds its digits.
  Checker.prototype.number = function (name, rule, contract, messages) {
    var text = BulletinContract.strip(this.fields.value(name));
    if (text) {
      return this.parsed(name, rule, text, contract, messages) ? text.replace(/[^0-9]/g, "") : text;
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
    format: format, inField: inField, pad: pad, codePoints: codePoints, oneLine: oneLine, slugify: slugify, hasSlug: hasSlug, todayIn: todayIn,
    hasControl: hasControl, element: element, quote: quote, empty: empty, emit: emit,
    Fields: Fields, Checker: Checker, lowerFirst: lowerFirst, describe: describe, Errors: Errors,
    githubNewFile: githubNewFile, download: download, copy: copy, flow: flow
  };
}());
