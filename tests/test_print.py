"""Printing: a notice on A4 with its facts and link addresses and without the
site's navigation, and the weekly page for a club's notice board."""
import re
import shutil
import subprocess

import pytest

from browser import browser, example_base, missing, served  # noqa: F401  (fixtures)
from conftest import notice_text

EVENT = """\
event:
  start: "2026-12-13 15:00"
  end: "16:30"
  location: Kulttuuritalo Virta, pieni sali
contact:
  name: Marjatta Esimerkki
  email: kuoro@example.org
  phone: "040 000 0141"
  consent: true
"""
BODY = "Tervetuloa joulukonserttiin! Ohjelma on [kuoron sivuilla](https://kuoro.example.org/ohjelma)."
HIDDEN_IN_PRINT = ".bl-skip, header, nav, footer, form, [role=search], button"


@pytest.fixture(scope="module")
def printed(browser, tmp_path_factory):
    """A one-notice site, its notice page in print media and as an A4 PDF."""
    from conftest import Site
    site = Site(tmp_path_factory.mktemp("print"))
    site.notice("joulukonsertti.md", notice_text(title="Joulukonsertti", category="tapahtumat", body=BODY, extra=EVENT))
    assert site.build("2026-12-01") == 0
    with served(site.output) as base:
        page = browser.new_page()
        page.goto(base + "/ilmoitukset/joulukonsertti/")
        page.emulate_media(media="print")
        yield page, page.pdf(format="A4", print_background=False)
        page.close()


def test_print_leaves_out_navigation_search_and_forms(printed):
    page, _ = printed
    shown = page.evaluate(f"""() => [...document.querySelectorAll('{HIDDEN_IN_PRINT}')]
        .filter(e => e.getClientRects().length).map(e => e.outerHTML.slice(0, 80))""")
    assert shown == []
    page.emulate_media(media="screen")
    try:
        assert page.locator("header nav").is_visible()  # the same page on screen has them
    finally:
        page.emulate_media(media="print")


def test_print_keeps_date_time_place_organiser_and_contact(printed):
    page, _ = printed
    text = page.inner_text("body")
    for expected in ["Joulukonsertti", "sunnuntaina 13. joulukuuta 2026 klo 15.00–16.30",
                     "Kulttuuritalo Virta, pieni sali", "Testikylän Eläkkeensaajat ry",
                     "Marjatta Esimerkki", "kuoro@example.org", "040 000 0141"]:
        assert expected in text


def test_print_writes_out_link_addresses(printed):
    page, _ = printed
    after = page.evaluate("getComputedStyle(document.querySelector('.bl-notice__body a'), '::after').content")
    assert "https://kuoro.example.org/ohjelma" in after
    page.emulate_media(media="screen")
    try:
        assert page.evaluate("getComputedStyle(document.querySelector('.bl-notice__body a'), '::after').content") \
            == "none"
    finally:
        page.emulate_media(media="print")


def test_notice_prints_on_one_a4_page(printed):
    _, pdf = printed
    sizes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
    assert sizes, "no page in the PDF"
    for width, height in sizes:  # A4 is 595 x 842 points
        assert abs(float(width) - 595) < 2 and abs(float(height) - 842) < 2
    assert len(re.findall(rb"/Type\s*/Page\b", pdf)) == 1


def test_printed_pdf_text(printed, tmp_path):
    if not shutil.which("pdftotext"):
        missing("pdftotext (Debian: poppler-utils)")
    _, pdf = printed
    (tmp_path / "notice.pdf").write_bytes(pdf)
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "notice.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    flat = " ".join(text.split())
    assert "Kulttuuritalo Virta" in flat and "Marjatta Esimerkki" in flat
    assert "(https://kuoro.example.org/ohjelma)" in flat
    assert "Siirry sisältöön" not in flat and "Päävalikko" not in flat and "Tietosuojaseloste" not in flat


# -- The weekly page ------------------------------------------------------------

def test_weekly_page_has_this_and_next_week_by_monday(site):
    def event(name, start, end=None):
        extra = f'event:\n  start: "{start}"\n  location: Kerhohuone\n' + (f'  end: "{end}"\n' if end else "")
        site.notice(f"{name}.md", notice_text(title=name, category="tapahtumat", extra=extra))

    event("eilen-paattynyt", "2026-12-01 10:00")  # Tuesday; today is Wednesday
    event("tanaan", "2026-12-02 18:00")
    event("sunnuntaina", "2026-12-06")
    event("ensi-maanantaina", "2026-12-07 12:00")
    event("ensi-sunnuntaina", "2026-12-13")
    event("kolmen-viikon-paasta", "2026-12-14")
    event("pitka-leiri", "2026-11-28", "2026-12-08")  # began last week, goes on into next
    site.notice("tiedote.md", notice_text(title="Voimassa oleva tiedote"))
    site.notice("vanha.md", notice_text(title="Vanha tiedote", date="2026-01-05"))
    assert site.build("2026-12-02") == 0
    page = site.page("tulosta/")
    weeks = page.select("main section")
    titles = [[h.get_text(strip=True) for h in week.select("h3")] for week in weeks]
    assert "ma 30.11.2026" in weeks[0].h2.get_text() and "su 6.12.2026" in weeks[0].h2.get_text()
    assert titles[0] == ["pitka-leiri", "tanaan", "sunnuntaina"]
    assert "ma 7.12.2026" in weeks[1].h2.get_text() and "su 13.12.2026" in weeks[1].h2.get_text()
    assert titles[1] == ["pitka-leiri", "ensi-maanantaina", "ensi-sunnuntaina"]
    assert titles[2] == ["Voimassa oleva tiedote"]
    assert "Kerhohuone" in weeks[0].get_text()


def test_weekly_page_is_linked_from_the_front_page_and_events(example_site):
    for page in ("index.html", "tapahtumat/index.html"):
        html = (example_site / page).read_text(encoding="utf-8")
        assert '<a href="/tulosta/">Tulosta viikon ilmoitukset</a>' in html


def test_weekly_page_prints_in_large_type(browser, example_base):
    page = browser.new_page()
    try:
        page.goto(example_base + "/tulosta/")
        page.emulate_media(media="print")
        assert page.evaluate(f"document.querySelectorAll('{HIDDEN_IN_PRINT}').length") > 0
        assert page.evaluate(f"""() => [...document.querySelectorAll('{HIDDEN_IN_PRINT}')]
            .every(e => !e.getClientRects().length)""")
        sizes = page.evaluate("""() => [...document.querySelectorAll('.bl-board p, .bl-board li')]
            .filter(e => e.getClientRects().length && e.textContent.trim())
            .map(e => parseFloat(getComputedStyle(e).fontSize))""")
        assert sizes and min(sizes) >= 14 * 96 / 72 - 0.01  # 14 pt
        assert page.evaluate("getComputedStyle(document.querySelector('.bl-board')).columnCount") in ("auto", "1")
        pdf = page.pdf(format="A4")
        # the example's two weeks and 30-odd notices, with a QR code each
        assert 1 <= len(re.findall(rb"/Type\s*/Page\b", pdf)) <= 8
    finally:
        page.close()


def decoded_qr_codes(pdf, folder):
    """Every QR code's text on the printed pages, read from a 150 dpi scan
    of the PDF (pdftoppm) by zxing-cpp, page by page."""
    if not shutil.which("pdftoppm"):
        missing("pdftoppm (Debian: poppler-utils)")
    import zxingcpp
    (folder / "print.pdf").write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "150", "-gray", str(folder / "print.pdf"), str(folder / "sivu")], check=True)
    pages = []
    for path in sorted(folder.glob("sivu*.pgm")):
        magic, size, depth, pixels = path.read_bytes().split(b"\n", 3)  # binary PGM as pdftoppm writes it
        assert magic == b"P5" and depth == b"255"
        width, height = map(int, size.split())
        image = memoryview(pixels).cast("B", (height, width))
        pages.append([r.text for r in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)])
    return pages


def test_weekly_sheet_qr_codes_decode_to_the_notices_and_the_site(browser, example_base, example_site, tmp_path):
    page = browser.new_page()
    try:
        page.goto(example_base + "/tulosta/")
        page.emulate_media(media="print")
        pdf = page.pdf(format="A4")
        expected = ["http://127.0.0.1:8000/"] + [
            "http://127.0.0.1:8000" + a for a in page.evaluate(
                "[...document.querySelectorAll('.bl-board__title a')].map(a => a.getAttribute('href'))")]
    finally:
        page.close()
    decoded = [text for texts in decoded_qr_codes(pdf, tmp_path) for text in texts]
    assert len(expected) > 20
    assert sorted(decoded) == sorted(expected)


def test_a_notice_prints_its_own_qr_code(printed, tmp_path):
    page, pdf = printed
    assert decoded_qr_codes(pdf, tmp_path) == [["http://127.0.0.1:8000/ilmoitukset/joulukonsertti/"]]
    page.emulate_media(media="screen")
    try:
        assert not page.locator(".bl-notice__qr").is_visible()  # on paper only
    finally:
        page.emulate_media(media="print")


def test_print_button_appears_with_javascript_only(browser, example_base):
    for javascript in (True, False):
        context = browser.new_context(java_script_enabled=javascript)
        page = context.new_page()
        page.goto(example_base + "/ilmoitukset/joulukonsertti-vuoksenlaulu/")
        assert page.get_by_role("button", name="Tulosta").is_visible() is javascript
        context.close()


# -- Posters ----------------------------------------------------------------------

def test_each_upcoming_event_has_a_poster_linked_from_its_notice(example_site):
    posters = {p.name for p in (example_site / "julisteet").iterdir()}
    assert "joulukonsertti-vuoksenlaulu" in posters
    assert "sieniretki-hopeakoski" not in posters  # over
    assert "kaupungin-jarjestoavustus-2027" not in posters  # not an event
    html = (example_site / "ilmoitukset" / "joulukonsertti-vuoksenlaulu" / "index.html").read_text(encoding="utf-8")
    assert '<a href="/julisteet/joulukonsertti-vuoksenlaulu/">Tulosta juliste ilmoitustaululle</a>' in html


def test_a_posters_code_has_the_best_mask_and_a_notice_pages_the_fixed_one(example_site):
    """A poster's code is read from across a room: it is drawn with the
    mask that leaves the fewest patterns a scanner could mistake (segno's
    search), as the site's own code on the sheet; the small codes of the
    notice pages keep the quick fixed mask."""
    import segno
    from bulletin_print.qr import FIXED_MASK, svg
    address = "http://127.0.0.1:8000/ilmoitukset/joulukonsertti-vuoksenlaulu/"
    best = segno.make(address, error="m", micro=False)
    assert best.mask != FIXED_MASK  # else the two would be the same drawing
    poster = (example_site / "julisteet" / "joulukonsertti-vuoksenlaulu" / "index.html").read_text(encoding="utf-8")
    page = (example_site / "ilmoitukset" / "joulukonsertti-vuoksenlaulu" / "index.html").read_text(encoding="utf-8")
    assert svg(best.matrix) in poster
    assert svg(segno.make(address, error="m", micro=False, mask=FIXED_MASK).matrix) in page

def test_a_poster_says_by_when_to_register(site):
    """Read on a wall, the poster is all a reader has: the day by which to
    register is on it, as on the notice page, in the site's words (a date
    is not the writer's Swedish)."""
    site.notice("retki.md", notice_text(title="Bussiretki", category="tapahtumat", extra="""
        lang: sv
        event:
          start: "2027-01-16 09:00"
          location: Linja-autoasema
          registration: Puhelimitse puheenjohtajalle.
          registration_deadline: "2027-01-05"
        """))
    assert site.build("2026-12-01") == 0
    lines = [p.get_text(" ", strip=True) for p in site.page("julisteet/retki/").select(".bl-poster__more")]
    assert "Ilmoittautuminen viimeistään: ti 5.1.2027" in lines
    deadline = next(p for p in site.page("julisteet/retki/").select(".bl-poster__more") if "5.1.2027" in p.get_text())
    assert deadline.find(lang=True) is None

def test_poster_prints_on_one_a4_page_with_a_large_qr_code(browser, example_base, tmp_path):
    page = browser.new_page()
    try:
        page.goto(example_base + "/julisteet/joulukonsertti-vuoksenlaulu/")
        page.emulate_media(media="print")
        text = page.inner_text("body")
        for expected in ["Vuoksenlaulun joulukonsertti", "sunnuntaina 13. joulukuuta 2026 klo 15.00–16.30",
                         "Kulttuuritalo Virta, pieni sali, Imatra", "Kuoroyhdistys Vuoksenlaulu ry"]:
            assert expected in text
        assert page.evaluate("parseFloat(getComputedStyle(document.querySelector('.bl-poster__title')).fontSize)") \
            >= 36 * 96 / 72
        qr_mm = page.evaluate("document.querySelector('.bl-poster .bl-qr').getBoundingClientRect().width") * 25.4 / 96
        assert qr_mm >= 60
        pdf = page.pdf(format="A4")
    finally:
        page.close()
    assert len(re.findall(rb"/Type\s*/Page\b", pdf)) == 1
    assert decoded_qr_codes(pdf, tmp_path) == [["http://127.0.0.1:8000/ilmoitukset/joulukonsertti-vuoksenlaulu/"]]


@pytest.mark.parametrize("address", [
    "http://127.0.0.1:8000/",
    "https://imatra.example.fi/ilmoitukset/joulukonsertti-vuoksenlaulu/",
    "https://yhdistykset.example.fi/ilmoitukset/%C3%A4%C3%A4nest%C3%A4-ja-s%C3%A4vel%C3%A4/?a=1&b=2",
    "https://esimerkki.fi/" + "pitka-osoite-" * 40,
])
def test_qr_svg_is_what_segno_writes(address):
    """The QR code's SVG, drawn by our own writer from the code's modules,
    is byte for byte segno's, with the fixed mask and the best one."""
    import segno
    from bulletin_print.qr import BORDER, svg
    for mask in ({"mask": 0}, {}):
        code = segno.make(address, error="m", micro=False, **mask)
        assert svg(code.matrix) == code.svg_inline(scale=1, border=BORDER, omitsize=True,
                                                   svgclass="bl-qr__code", lineclass=None)


def printed_text(browser, output, address, pdf):
    """The text of the page at `address` of the site in `output`, printed on
    A4 by Chromium into the file `pdf` and read back by pdftotext."""
    if not shutil.which("pdftotext"):
        missing("pdftotext (Debian: poppler-utils)")
    with served(output) as base:
        page = browser.new_page()
        try:
            page.goto(base + address)
            page.emulate_media(media="print")
            pdf.write_bytes(page.pdf(format="A4"))
        finally:
            page.close()
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def test_a_joint_events_poster_names_every_association_in_it(site):
    """A joint event's poster is put up by each partner too: it names them
    all, the notice's own first, as the notice page does."""
    site.association("kuoro", "name: Kuoro ry\n")
    site.association("pallo", "name: Pallo ry\n")
    site.notice("ilta.md", notice_text(title="Yhteinen ilta", category="yhteistyo", extra="""
        partners: [pallo, kuoro]
        event:
          start: "2027-01-16 18:00"
          location: Kerhotila
        """))
    assert site.build("2026-12-01") == 0
    said = site.page("julisteet/ilta/").select_one(".bl-poster__association").get_text(" ", strip=True)
    assert said == "Testikylän Eläkkeensaajat ry, Pallo ry, Kuoro ry"


def test_the_sheet_and_the_embeds_say_why_an_event_is_cancelled_or_postponed(browser, site, tmp_path):  # noqa: F811
    """Paper and another site's frame are read where no link can be
    followed: "Siirretty: ti 8.12." alone hides where the event went. They
    say the reason as the notice page, the letter and the calendars do."""
    site.notice("kuoro.md", notice_text(title="Kuoron joulukonsertti", category="tapahtumat", date="2026-11-20", extra="""
        event:
          start: "2026-12-03 18:00"
          location: Kulttuuritalo Virta
          status: siirretty
          status_note: Konsertti siirtyy lauantaille 12.12. klo 15.00.
        """))
    site.notice("jumppa.md", notice_text(title="Tuolijumppa", category="tapahtumat", date="2026-11-20", extra="""
        event:
          start: "2026-11-03 10:00"
          end: "11:00"
          location: Palvelukeskus
          repeat:
            weekdays: [ti]
            until: "2027-01-26"
          status: peruttu
          status_note: Ohjaaja on sairastunut, jumppa jatkuu keväällä.
        """))
    assert site.build("2026-12-01") == 0
    for embed in ("yhdistykset/testikyla/upotus/", "aiheet/tapahtumat/upotus/"):
        text = site.page(embed).main.get_text(" ", strip=True)
        assert "Siirretty: to 3.12.2026 klo 18.00 , Kulttuuritalo Virta Konsertti siirtyy lauantaille 12.12." in text
        assert "Peruttu: ti 1.12.2026 klo 10.00–11.00 (joka ti), Palvelukeskus Ohjaaja on sairastunut" in text
    text = " ".join(printed_text(browser, site.output, "/tulosta/", tmp_path / "sheet.pdf").split())
    assert "Siirretty: to 3.12.2026 klo 18.00, Kulttuuritalo Virta Konsertti siirtyy lauantaille 12.12. klo 15.00." \
        in text
    # each occurrence of the cancelled series, this week and next, says why
    assert text.count("Ohjaaja on sairastunut, jumppa jatkuu keväällä.") == 2


# A poster is pinned on a notice board: one A4 sheet, whatever its notice
# says within the content contract's limits, with large type when it says little.
SUMMARY = ("Tule mukaan rauhalliseen tuolijumppaan! Harjoittelemme tasapainoa, lihasvoimaa ja liikkuvuutta istuen "
           "ja tuolin tuella seisten. Sopii kaikille kunnosta riippumatta. Ohjaajana fysioterapeutti. Ota mukaan "
           "juomapullo ja mukavat vaatteet.")
WEEKS_OFF = ["2026-12-24", "2026-12-29", "2026-12-31", "2027-01-05", "2027-02-23", "2027-02-25"]
MANY_DAYS_OFF = ["2026-12-22", "2026-12-24", "2026-12-29", "2026-12-31", "2027-01-05", "2027-01-07",
                 "2027-02-09", "2027-02-11", "2027-02-23", "2027-02-25", "2027-03-02", "2027-03-04",
                 "2027-03-23", "2027-03-25", "2027-03-30", "2027-04-01", "2027-04-06", "2027-04-08",
                 "2027-04-27", "2027-04-29", "2027-05-04", "2027-05-06", "2027-05-11", "2027-05-13"]
POSTERS = {
    "lyhyt": {"title": "Joulumyyjäiset", "summary": "Leivonnaisia ja käsitöitä.",
              "event": {"start": "2026-12-12 10:00", "end": "14:00", "location": "Seurakuntatalo"}},
    "tuolijumppa": {
        "title": "Senioreiden tuolijumppa ja tasapainoharjoittelu Mansikkalassa", "summary": SUMMARY,
        "event": {"start": "2026-12-01 10:00", "end": "11:00",
                  "location": "Mansikkalan palvelukeskus, liikuntasali, Mansikkalankatu 5, Imatra",
                  "price": "Maksuton jäsenille, muille 2 €",
                  "registration": "Ei ennakkoilmoittautumista, tule suoraan paikalle.",
                  "repeat": {"weekdays": ["ti", "to"], "until": "2027-05-27", "except": WEEKS_OFF}}},
    # every text at or near the contract's limit (title 120, summary 300, location and
    # price 200, registration 300, accessibility 500) and a twice-weekly series with 24 days off
    "pisin": {
        "title": ("Senioreiden tuolijumppa, tasapainoharjoittelu ja kevyt kuntosaliharjoittelu "
                  "Mansikkalan palvelukeskuksessa keväällä 2027"),
        "summary": SUMMARY + " Jumpan jälkeen juodaan kahvit ja jutellaan viikon kuulumiset.",
        "event": {"start": "2026-12-01 10:00", "end": "11:30",
                  "location": ("Mansikkalan palvelukeskus, toisen kerroksen liikuntasali (hissi aulasta), "
                               "Mansikkalankatu 5, 55120 Imatra; sisäänkäynti Lappeentie-puolen pääovesta, "
                               "pysäköinti pihalla ja kadun varressa, myös hallilla"),
                  "price": ("Maksuton yhdistyksen jäsenille, muille 2 € kerta tai 20 € koko kevät; maksu "
                            "käteisellä tai MobilePaylla paikan päällä. Kahvi ja pulla 1 €, tuotto käytetään "
                            "yhdistyksen virkistystoimintaan ja retkiin."),
                  "registration": ("Ei ennakkoilmoittautumista, tule suoraan paikalle. Ryhmään mahtuu 25 "
                                   "ensimmäistä. Jos tarvitset kyydin, ilmoita siitä edellisenä päivänä "
                                   "puheenjohtajalle puhelimitse tai tekstiviestillä. Kyytejä on rajoitetusti, "
                                   "ja ne jaetaan ilmoittautumisjärjestyksessä; kerro samalla, tarvitsetko "
                                   "apua portaissa."),
                  "accessibility": ("Esteetön sisäänkäynti pääovesta, ovet avautuvat painikkeesta. Hissi "
                                    "toiseen kerrokseen, esteetön wc samassa kerroksessa. Salissa on "
                                    "induktiosilmukka. Tuoleissa on käsinojat, ja pyörätuolilla voi osallistua "
                                    "omalta paikaltaan. Avustaja tai tulkki pääsee mukaan maksutta. Pysäköinti "
                                    "invapaikoille aivan oven vieressä. Salissa ei käytetä hajusteita; "
                                    "opaskoira on tervetullut. Kysy lisää ohjaajalta, niin järjestämme "
                                    "tarvittaessa muutakin, esimerkiksi istumapaikan oven lähellä tai "
                                    "taukotilan."),
                  "repeat": {"weekdays": ["ti", "to"], "until": "2027-05-27", "except": MANY_DAYS_OFF}}},
    # a notice in Russian, as long as a full Finnish one: Cyrillic letters are no wider than Latin ones
    "venaja": {
        "lang": "ru",
        "title": "Гимнастика на стульях для пожилых людей в Мансиккала",
        "summary": ("Приходите на спокойную гимнастику на стульях! Мы тренируем равновесие, силу мышц и "
                    "подвижность сидя и стоя с опорой на стул. Подходит всем, независимо от физической формы. "
                    "Занятия ведёт физиотерапевт. Возьмите с собой бутылку воды и удобную одежду. После "
                    "занятия пьём кофе."),
        "event": {"start": "2026-12-01 10:00", "end": "11:00",
                  "location": "Сервисный центр Мансиккала, спортивный зал, Мансиккаланкату 5, Иматра",
                  "price": "Бесплатно для членов общества, для остальных 2 € за раз",
                  "registration": ("Записываться заранее не нужно, приходите прямо на место. В группе 25 мест. "
                                   "Если нужна помощь с дорогой, позвоните председателю накануне."),
                  "accessibility": ("Вход без ступенек через главную дверь, двери открываются кнопкой. Лифт на "
                                    "второй этаж, туалет для инвалидов на том же этаже. В зале есть "
                                    "индукционная петля. Стулья с подлокотниками, можно участвовать в "
                                    "инвалидной коляске. Сопровождающий проходит бесплатно."),
                  "repeat": {"weekdays": ["ti", "to"], "until": "2027-05-27", "except": WEEKS_OFF}}},
    # the same in Ukrainian and in Greek: their own letters (і, ї, є, ґ; the Greek alphabet) too
    # are measured as wide as they print
    "ukraina": {
        "lang": "uk",
        "title": "Гімнастика на стільцях для людей похилого віку в Мансіккала",
        "summary": ("Приходьте на спокійну гімнастику на стільцях! Ми тренуємо рівновагу, силу мʼязів і "
                    "рухливість сидячи та стоячи з опорою на стілець. Підходить усім, незалежно від фізичної "
                    "форми. Заняття веде фізіотерапевт. Візьміть із собою пляшку води та зручний одяг. Після "
                    "заняття пʼємо каву."),
        "event": {"start": "2026-12-01 10:00", "end": "11:00",
                  "location": "Сервісний центр Мансіккала, спортивна зала, Мансіккаланкату 5, Іматра",
                  "price": "Безкоштовно для членів товариства, для інших 2 € за раз",
                  "registration": ("Записуватися заздалегідь не потрібно, приходьте просто на місце. У групі "
                                   "25 місць. Якщо потрібна допомога з дорогою, зателефонуйте голові напередодні."),
                  "accessibility": ("Вхід без сходинок через головні двері, двері відчиняються кнопкою. Ліфт на "
                                    "другий поверх, туалет для людей з інвалідністю на тому ж поверсі. У залі є "
                                    "індукційна петля. Стільці з підлокітниками, можна брати участь в "
                                    "інвалідному візку. Супровідник проходить безкоштовно."),
                  "repeat": {"weekdays": ["ti", "to"], "until": "2027-05-27", "except": WEEKS_OFF}}},
    "kreikka": {
        "lang": "el",
        "title": "Γυμναστική σε καρέκλα για ηλικιωμένους στη Μανσικκάλα",
        "summary": ("Ελάτε σε ήπια γυμναστική σε καρέκλα! Ασκούμε την ισορροπία, τη μυϊκή δύναμη και την "
                    "ευκινησία καθιστοί και όρθιοι με στήριγμα την καρέκλα. Κατάλληλη για όλους, ανεξάρτητα "
                    "από τη φυσική κατάσταση. Διδάσκει φυσικοθεραπευτής. Φέρτε ένα "
                    "μπουκάλι νερό και άνετα ρούχα. Μετά το μάθημα πίνουμε καφέ."),
        "event": {"start": "2026-12-01 10:00", "end": "11:00",
                  "location": "Κέντρο εξυπηρέτησης Μανσικκάλα, αίθουσα γυμναστικής, Μανσικκαλανκάτου 5, Ιμάτρα",
                  "price": "Δωρεάν για τα μέλη του συλλόγου, για τους άλλους 2 € τη φορά",
                  "registration": ("Δεν χρειάζεται εγγραφή από πριν, ελάτε κατευθείαν. Η ομάδα έχει 25 θέσεις. "
                                   "Αν χρειάζεστε βοήθεια με τη μετακίνηση, τηλεφωνήστε στον πρόεδρο την "
                                   "προηγούμενη μέρα."),
                  "accessibility": ("Είσοδος χωρίς σκαλιά από την κεντρική πόρτα, οι πόρτες ανοίγουν με κουμπί. "
                                    "Ανελκυστήρας στον δεύτερο όροφο, τουαλέτα για άτομα με αναπηρία στον ίδιο "
                                    "όροφο. Στην αίθουσα υπάρχει επαγωγικός βρόχος. Καρέκλες με μπράτσα, "
                                    "μπορείτε να συμμετέχετε με αναπηρικό αμαξίδιο. Ο συνοδός μπαίνει δωρεάν."),
                  "repeat": {"weekdays": ["ti", "to"], "until": "2027-05-27", "except": WEEKS_OFF}}},
}


def poster_yaml(fields):
    def scalar(value):
        return "[" + ", ".join(f'"{v}"' for v in value) + "]" if isinstance(value, list) else f'"{value}"'
    lines = [f"summary: {scalar(fields['summary'])}", *([f"lang: {fields['lang']}"] if "lang" in fields else []),
             "event:"]
    for key, value in fields["event"].items():
        if isinstance(value, dict):
            lines += [f"  {key}:"] + [f"    {k}: {scalar(v)}" for k, v in value.items()]
        else:
            lines.append(f"  {key}: {scalar(value)}")
    return "\n".join(lines)


@pytest.fixture(scope="module")
def posters(browser, tmp_path_factory):
    """The posters of a site with a short, a realistic and a longest notice,
    each as printed: {slug: (title size in pt, its time's lines, the PDF, a folder)}."""
    from conftest import Site
    site = Site(tmp_path_factory.mktemp("julisteet"))
    for slug, fields in POSTERS.items():
        site.notice(f"{slug}.md", notice_text(title=fields["title"], category="tapahtumat", date="2026-11-20",
                                              extra=poster_yaml(fields)))
    assert site.build("2026-12-01") == 0
    printed = {}
    with served(site.output) as base:
        for slug in POSTERS:
            page = browser.new_page()
            try:
                page.goto(f"{base}/julisteet/{slug}/")
                page.emulate_media(media="print")
                title_pt = page.evaluate(
                    "parseFloat(getComputedStyle(document.querySelector('.bl-poster__title')).fontSize)") * 72 / 96
                lines = page.evaluate("[...document.querySelectorAll('.bl-poster__when')].map(e => e.innerText)")
                folder = tmp_path_factory.mktemp(slug)
                printed[slug] = (title_pt, lines, page.pdf(format="A4"), folder)
            finally:
                page.close()
    return printed


@pytest.mark.parametrize("slug", list(POSTERS))
def test_a_poster_prints_on_one_sheet_with_its_title_time_place_and_code(posters, slug):
    """A weekly class with its holidays and a full description, or every
    field at its limit, is still one A4 sheet: nothing is left out or cut
    off, and the QR code and its written-out address are on it."""
    if not shutil.which("pdftotext"):
        missing("pdftotext (Debian: poppler-utils)")
    _, when, pdf, folder = posters[slug]
    (folder / "juliste.pdf").write_bytes(pdf)
    text = subprocess.run(["pdftotext", str(folder / "juliste.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert text.rstrip("\f").count("\f") == 0 and len(re.findall(rb"/Type\s*/Page\b", pdf)) == 1, "more than one sheet"

    def bare(words):  # a long word may wrap anywhere, and pdftotext joins a word wrapped at its hyphen
        return "".join(words.split()).replace("-", "")

    on_paper = bare(text)
    event = POSTERS[slug]["event"]
    for expected in [POSTERS[slug]["title"], *"\n".join(when).split("\n"), event["location"],
                     POSTERS[slug]["summary"], *(event.get(k, "") for k in ("price", "registration", "accessibility")),
                     f"127.0.0.1:8000/ilmoitukset/{slug}/", "lue QR-koodi"]:
        assert bare(expected) in on_paper, expected
    if slug != "lyhyt":
        assert "Ei:" in on_paper  # the days off are said
    assert decoded_qr_codes(pdf, folder) == [[f"http://127.0.0.1:8000/ilmoitukset/{slug}/"]]


def test_a_short_poster_is_in_large_type_and_a_long_one_still_readable(posters):
    assert posters["lyhyt"][0] >= 40 - 0.01
    assert posters["tuolijumppa"][0] >= 28 - 0.01
    assert posters["pisin"][0] >= 18 - 0.01
    for slug in ("venaja", "ukraina", "kreikka"):  # letters measured as wide as they print, not all as Ж
        assert posters[slug][0] >= 26 - 0.01, slug


def test_poster_size_classes_are_the_stylesheets():
    """The sizes a poster's class is chosen by are the sizes it prints in."""
    from conftest import ROOT
    from bulletin_print.fit import SIZES
    css = (ROOT / "theme" / "static" / "css" / "bulletin.css").read_text(encoding="utf-8")
    for size in SIZES:
        rule = re.search(r"\.bl-poster" + ("" if size.number == 1 else rf"--{size.number}")
                         + r" \{([^}]*--bl-poster-title[^}]*)\}", css)
        declared = dict(re.findall(r"--bl-poster-(\w+): ([\d.]+)(?:pt|mm)", rule.group(1)))
        assert {k: float(v) for k, v in declared.items()} == {
            k: float(getattr(size, k)) for k in ("title", "when", "where", "body", "association", "small", "qr")}


def test_a_poster_is_in_the_largest_type_it_fits_in():
    from bulletin_print.fit import SIZES, poster_fit

    def poster_size(**poster):
        return poster_fit("jatkuu verkossa", **poster).size
    short = dict(association="Testikylän Eläkkeensaajat ry", title="Joulumyyjäiset", when=["la 12.12."],
                 where="Seurakuntatalo", qr_text="Lisätietoja: lue QR-koodi",
                 address="https://example.fi/ilmoitukset/a/")
    assert poster_size(**short) == 1
    sizes = [poster_size(**{**short, "summary": "Sana " * n}) for n in range(0, 2000, 100)]
    assert sizes == sorted(sizes) and sizes[-1] == SIZES[-1].number  # smaller as it says more, never none


def test_a_table_wider_than_the_sheet_prints_every_column(browser, tmp_path):
    """On screen a wide table scrolls inside its own box; paper does not
    scroll, and the columns past the sheet's edge were left off the print."""
    from conftest import Site
    site = Site(tmp_path)
    days = ["Maanantai", "Tiistai", "Keskiviikko", "Torstai", "Perjantai", "Lauantai", "Sunnuntai"]
    rows = [["Aamupäivä", *["Kuntosaliharjoittelu"] * 7], ["Iltapäivä", *["Tasapainoharjoittelu"] * 6, "Lepopäivä"]]
    table = "\n".join("| " + " | ".join(row) + " |" for row in [["Aika", *days], ["---"] * 8, *rows])
    site.notice("viikko.md", notice_text(title="Kerhon viikko", body=f"Viikon ohjelma:\n\n{table}"))
    assert site.build("2026-12-01") == 0
    text = printed_text(browser, site.output, "/ilmoitukset/viikko/", tmp_path / "viikko.pdf")
    on_paper = "".join(text.split()).replace("-", "")  # a word may wrap at its hyphen
    assert [day for day in days if day not in on_paper] == []
    assert on_paper.count("Kuntosaliharjoittelu") == 7 and "Lepopäivä" in on_paper


def test_a_poster_at_every_limit_in_the_widest_letters_is_one_sheet(browser, tmp_path):
    """Every text of a notice at its limit, written in capital W's (the
    widest letters), with the most days off a series may have: the poster
    is still one sheet. What does not fit is cut where it says so, and the
    code leads to the rest; the title, time and place are whole."""
    from datetime import date, timedelta
    from conftest import Site
    site = Site(tmp_path)
    site.association("leveat", f"name: {'W' * 120}\ngroups: [eläkeläiset]\nemail: info@example.org\n")
    tuesdays = [date(2026, 12, 1) + timedelta(weeks=n) for n in range(400)]  # the most a series may have
    fields = {"title": "W" * 120, "summary": "W" * 300,
              "event": {"start": "2026-12-01 10:00", "end": "11:00", "location": "W" * 200, "price": "W" * 200,
                        "registration": "W" * 300, "accessibility": "W" * 500, "status": "siirretty",
                        "status_note": "W" * 300,
                        "repeat": {"weekdays": ["ti"], "until": str(tuesdays[-1]),
                                   "except": [str(day) for day in tuesdays[1::2]]}}}
    site.notice("leveat.md", notice_text(title=fields["title"], association="leveat", category="tapahtumat",
                                         date="2026-11-20", extra=poster_yaml(fields)))
    assert site.build("2026-11-25") == 0
    pdf = tmp_path / "juliste.pdf"
    text = printed_text(browser, site.output, "/julisteet/leveat/", pdf)
    assert text.rstrip("\f").count("\f") == 0, "more than one sheet"
    assert "jatkuu verkossa" in " ".join(text.split())
    assert decoded_qr_codes(pdf.read_bytes(), tmp_path) == [["http://127.0.0.1:8000/ilmoitukset/leveat/"]]
    poster = site.page("julisteet/leveat/")
    for part, whole in (("title", fields["title"]), ("where", fields["event"]["location"]),
                        ("when", "Joka tiistai klo 10.00–11.00")):
        assert whole in poster.select_one(f".bl-poster__{part}").get_text(), part


def test_the_posters_letter_widths_are_never_narrower_than_the_printed_font(browser):
    """A poster is fitted by widths that are each the widest of their
    group: a narrower one would let a line run on, and the poster on to a
    second sheet. The fonts are those Chromium prints with."""
    from bulletin_print.fit import OTHER, WIDTHS
    page = browser.new_page()
    try:
        measured = page.evaluate("""(letters) => ['normal', 'bold'].map(weight => {
            const context = document.createElement('canvas').getContext('2d');
            context.font = `${weight} 100px "DejaVu Sans"`;
            return [...letters].map(letter => context.measureText(letter).width / 100);
        })""", "".join(WIDTHS) + "ŒԱש")
    finally:
        page.close()
    letters = [*WIDTHS, "Œ", "Ա", "ש"]  # and a few of the rest (Armenian, Hebrew)
    for weight, widths in enumerate(measured):
        narrower = [(letter, width) for letter, width in zip(letters, widths)
                    if WIDTHS.get(letter, OTHER)[weight] < width]
        assert narrower == [], ("regular", "bold")[weight]


def test_a_poster_is_cut_least_needed_first_and_gains_no_line_it_did_not_have():
    """Cut to fit, a poster loses the end of its accessibility text before
    its place, and a notice without a summary is given no "continues" line
    in its place."""
    from bulletin_print.fit import SIZES, fits, poster_fit
    poster = dict(association="Testikylän Eläkkeensaajat ry", title="Kevätretki", when=["la 15.5.2027 klo 9.00"],
                  where="Linja-autoasema " * 12, qr_text="Lisätietoja: lue QR-koodi",
                  address="https://example.fi/ilmoitukset/retki/",
                  more=[("Esteettömyys:", "Esteetön sisäänkäynti pääovesta. " * 80, True)])
    fitted = poster_fit("jatkuu verkossa", **poster)
    assert fitted.size == SIZES[-1].number and fits(SIZES[-1], fitted.poster)
    assert fitted.poster["summary"] == "" and fitted.poster["where"] == poster["where"]
    whole = poster["more"][0][1]
    label, text, _ = fitted.poster["more"][0]
    kept = text.removesuffix("… (jatkuu verkossa)")
    assert label == "Esteettömyys:" and kept != text and len(kept) > 100
    assert whole.startswith(kept + " ")  # cut between words
