"""Test articles in other journals' house styles, as PDFs and as plain-text copies.

Each generator returns ``(data, gold)`` like ``pdfgen``'s: the bytes of a PDF (or of the
text a PDF-to-text tool gives for it) and the paragraphs a reader would cite, with the
printed page each starts on. The styles:

- ``kaznu_article``: a «ҚазҰУ Хабаршысы»-style Kazakh article — ISSN header line, МРНТИ and
  DOI lines, three authors with superscript affiliation markers, ``Аңдатпа``, sections, a
  footnote at a page foot, numbered ``Әдебиеттер`` and transliterated ``References``, then
  the Russian and English title/author/abstract blocks; page numbers alone at the foot.
- ``russian_article``: УДК/ГРНТИ, inline ``Аннотация.`` label, numbered headings, a table and
  a figure caption, ``Список литературы``, an English abstract block at the end.
- ``english_article``: an English paper from a Kazakh journal — IRSTI, authors with digits
  glued to the names, ``Abstract``/``Keywords``, a two-column body, ``References``.
- ``news_page``: a Kazakh news item saved as text (headline, dateline, byline, credits).

``*_text`` variants give the plain-text copy: page texts chained, running heads inline.
``GENERATORS`` maps gold-file names to the callables (see ``tests/golden/README.md``).
"""

from __future__ import annotations

from collections.abc import Callable

import pymupdf
from pdftypeset import STYLES, Gold, Style, Typesetter

__all__ = [
    "GENERATORS", "english_article", "kaznu_article", "news_page", "russian_article", "text_copy",
]

Item = tuple[str, str, str | None]  # (text, kind, lang)
_NOTE = Style(size=8, align="left", hyphenate=False)


class NotedTypesetter(Typesetter):
    """A typesetter that sets a footnote at the foot of chosen printed pages."""

    def __init__(self, *, notes: dict[int, str], **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.notes = notes

    def _note_height(self) -> float:
        text = self.notes.get(self.printed)
        if not text:
            return 0.0
        lines = self.break_lines(text, _NOTE, self.width - self.left - self.right)
        return len(lines) * _NOTE.size * _NOTE.leading + 10

    def room(self) -> float:
        return super().room() - self._note_height()

    def finish_page(self) -> None:
        # Set last, as a typesetting program does: after the page's body in the content.
        text = self.notes.get(self.printed)
        if text and self.writer is not None and self.page is not None:
            self._set_note(text)
        super().finish_page()

    def _set_note(self, text: str) -> None:
        assert self.writer is not None and self.page is not None
        lead = _NOTE.size * _NOTE.leading
        right = self.width - self.right
        lines = self.break_lines(text, _NOTE, right - self.left)
        y = self.height - self.bottom - self._note_height() + 10
        self.page.draw_line((self.left, y - 4), (self.left + 120, y - 4), width=0.4)
        self.gold.append({"text": text, "role": "footnote", "lang": "kk", "page": self.printed})
        for line in lines:
            y += lead
            self.writer.append((self.left, y), " ".join(line.words), font=self.regular,
                               fontsize=_NOTE.size)


def _set(ts: Typesetter, items: list[Item]) -> None:
    for text, kind, lang in items:
        if kind == "figure":
            ts.figure(text, lang or "kk")
        elif kind == "table":
            _table(ts, text, lang)
        elif kind == "columns":
            ts.set_columns(int(text))
        else:
            ts.paragraph(text, kind, lang)


def _table(ts: Typesetter, caption: str, lang: str | None) -> None:
    """A caption above a ruled grid of figures-only cells (no words to cite)."""
    ts.paragraph(caption, "caption", lang, STYLES["caption"], role="caption")
    assert ts.page is not None
    x0, x1 = ts.left + 40, ts.width - ts.right - 40
    for row in range(4):
        y = ts.y + 4 + row * 14
        ts.page.draw_rect((x0, y, x1, y + 14), color=(0, 0, 0), width=0.5)
    ts.y += 4 * 14 + 10


def text_copy(pdf: bytes, *, form_feeds: bool = False, double_spaced: bool = False) -> bytes:
    """What a PDF-to-text tool gives: each page's text, pages chained without separators
    (or with form feeds, as ``pdftotext`` does; or with a blank line after every line).

    Lines come in reading order: the running head, the text in the order it was set
    (column by column), then whatever sits below the text frame (footnote, page number)
    from top to bottom.
    """
    doc = pymupdf.open(stream=pdf, filetype="pdf")
    pages: list[str] = []
    for page in doc:
        out: list[str] = []
        lines: list[tuple[float, str]] = []
        last: tuple[float, float] | None = None  # baseline and right edge of the last piece
        for block in page.get_text("dict")["blocks"]:
            for line in block.get("lines", ()):
                text = "".join(span["text"] for span in line["spans"]).rstrip()
                x0, y0, x1, y1 = line["bbox"]
                # Words of one justified line may come as pieces: a tool joins them.
                if last and abs(y1 - last[0]) < 1 and 0 <= x0 - last[1] < 40:
                    lines[-1] = (lines[-1][0], f"{lines[-1][1]} {text}")
                else:
                    lines.append((y0, text))
                last = (y1, x1)
        foot = page.rect.height - 60
        out += [text for y, text in lines if y < foot]
        out += [text for y, text in sorted(lines) if y >= foot]
        pages.append(("\n\n" if double_spaced else "\n").join(out))
    doc.close()
    return (("\f" if form_feeds else "\n").join(pages) + "\n").encode("utf-8")


# -- «ҚазҰУ Хабаршысы» style ------------------------------------------------------------------
KAZNU_HEAD = "ISSN 1563-0366, eISSN 2617-8362 Хабаршы. Заң сериясы. №1 (105). 2023"
KAZNU_ITEMS: list[Item] = [
    ("МРНТИ 10.07.45", "front", None),
    ("https://doi.org/10.26577/JAPJ.2023.v105.i1.05", "front", None),
    ("А.Б. Сейтқали¹*, Н.Қ. Омарова², J. Smith³", "author", "kk"),
    ("¹әл-Фараби атындағы Қазақ ұлттық университеті, Қазақстан, Алматы", "front", "kk"),
    ("²Л.Н. Гумилев атындағы Еуразия ұлттық университеті, Қазақстан, Астана", "front", "kk"),
    ("³University of Cambridge, United Kingdom, Cambridge", "front", "en"),
    ("*e-mail: seitkali.ab@kaznu.kz", "front", None),
    ("ORCID 0000-0002-1825-0097", "front", None),
    ("Цифрлық платформалардағы дербес деректерді қорғаудың құқықтық тетіктері", "title", "kk"),
    ("Аңдатпа", "heading", "kk"),
    ("Мақалада цифрлық платформалар пайдаланушыларының дербес деректерін қорғаудың "
     "құқықтық тетіктері қарастырылады. Авторлар Қазақстан Республикасының қолданыстағы "
     "заңнамасын Еуропалық Одақтың деректерді қорғау туралы жалпы регламентімен салыстыра "
     "отырып, реттеудегі олқылықтарды анықтайды.", "abstract", "kk"),
    ("Зерттеу нәтижелері деректер операторларының жауапкершілігін күшейту, субъектілердің "
     "келісімін ресімдеу тәртібін нақтылау және трансшекаралық беру ережелерін жетілдіру "
     "қажеттігін көрсетеді.", "abstract", "kk"),
    ("Түйін сөздер: дербес деректер, цифрлық платформа, келісім, оператор, трансшекаралық "
     "беру.", "keywords", "kk"),
    ("Кіріспе", "heading", "kk"),
    ("Цифрлық технологиялардың қарқынды дамуы азаматтардың күнделікті өмірін түбегейлі "
     "өзгертті. Мемлекеттік қызметтер, банк операциялары, сауда және білім беру "
     "платформалары пайдаланушылардан көп көлемдегі дербес деректерді жинайды. Осыған "
     "байланысты деректерді өңдеудің заңдылығы мен қауіпсіздігі құқықтық ғылымның өзекті "
     "мәселесіне айналды. Конституцияда¹ әркімнің жеке өміріне қол сұғылмауға құқығы "
     "бекітілген, алайда оны цифрлық ортада іске асыру тетіктері әлі де толық "
     "қалыптаспаған.", "body", "kk"),
    ("Зерттеудің мақсаты – цифрлық платформалардағы дербес деректерді қорғаудың "
     "қолданыстағы құқықтық тетіктерін талдау және оларды жетілдіру бойынша ұсыныстар "
     "әзірлеу. Осы мақсатқа жету үшін салыстырмалы-құқықтық, формальды-заңдық және "
     "жүйелік талдау әдістері қолданылды. Зерттеудің эмпирикалық базасын сот шешімдері, "
     "уәкілетті органның есептері және халықаралық ұйымдардың баяндамалары құрады.",
     "body", "kk"),
    ("Негізгі бөлім", "heading", "kk"),
    ("Қазақстанда дербес деректер туралы заң 2013 жылы қабылданды және содан бері бірнеше "
     "рет өзгертілді. 2020 жылы дербес деректерді қорғау саласындағы уәкілетті орган "
     "құрылып, оған операторлардың қызметін тексеру өкілеттігі берілді. Дегенмен "
     "тексерулер саны аз, ал айыппұлдардың мөлшері ірі платформалар үшін тежеуші әсер "
     "бермейді. Сонымен қатар пайдаланушылардың келісімі көбінесе ұзақ әрі түсініксіз "
     "құжаттар арқылы алынады, бұл келісімнің ерікті әрі саналы болуы талабына сай "
     "келмейді.", "body", "kk"),
    ("Еуропалық Одақтың жалпы регламенті деректерді өңдеудің заңды негіздерін нақты "
     "белгілейді, деректер субъектісіне өз деректерін жоюды талап ету құқығын береді "
     "және бұзушылықтар үшін жылдық айналымның төрт пайызына дейін айыппұл көздейді. "
     "Мұндай тәсіл ірі халықаралық компаниялардың тәртібіне айтарлықтай ықпал етті. "
     "Қазақстанның заңнамасында деректерді жою құқығы бекітілгенімен, оны жүзеге асыру "
     "рәсімі мен мерзімдері нақтыланбаған.", "body", "kk"),
    ("Трансшекаралық беру мәселесі ерекше назар аударуды қажет етеді. Көптеген "
     "платформалардың серверлері шетелде орналасқан, сондықтан қазақстандық "
     "пайдаланушылардың деректері басқа юрисдикцияларға беріледі. Заң мұндай беруге "
     "деректерді қорғаудың барабар деңгейі қамтамасыз етілген мемлекеттерге ғана рұқсат "
     "етеді, бірақ мұндай мемлекеттердің тізбесі бекітілмеген.", "body", "kk"),
    ("Қорытынды", "heading", "kk"),
    ("Жүргізілген талдау дербес деректерді қорғаудың ұлттық жүйесі негізінен "
     "қалыптасқанын, бірақ оның тиімділігі операторлардың жауапкершілігінің әлсіздігімен "
     "және рәсімдердің толық реттелмеуімен шектелетінін көрсетті. Айыппұлдарды "
     "платформаның айналымына байланыстыру, келісімнің қысқа әрі түсінікті нысанын енгізу "
     "және барабар қорғау деңгейі бар мемлекеттердің тізбесін бекіту ұсынылады.",
     "body", "kk"),
    ("Әдебиеттер", "heading", "kk"),
    ("1 Қазақстан Республикасының 2013 жылғы 21 мамырдағы № 94-V «Дербес деректер және "
     "оларды қорғау туралы» Заңы // Әділет ақпараттық-құқықтық жүйесі.", "reference", "kk"),
    ("2 Омарова Н.Қ. Цифрлық ортадағы жеке өмірге қол сұғылмаушылық құқығы // ҚазҰУ "
     "Хабаршысы. Заң сериясы. – 2021. – №3 (99). – Б. 45–53.", "reference", "kk"),
    ("3 Smith J. Data Protection in Central Asia: Between Sovereignty and Markets. – "
     "Cambridge: Cambridge University Press, 2020. – 312 p.", "reference", "en"),
    ("References", "heading", "en"),
    ("1 Qazaqstan Respublikasynyn 2013 zhylgy 21 mamyrdagy № 94-V «Derbes derekter zhane "
     "olardy qorgau turaly» Zany [Law of the Republic of Kazakhstan of 21 May 2013 No. 94-V "
     "On Personal Data and Their Protection] // Adilet.", "reference", "en"),
    ("2 Omarova N.Q. (2021) Tsifrlyq ortadagy zheke omirge qol sugylmaushylyq quqygy [The "
     "right to privacy in the digital environment]. KazNU Khabarshysy. Zan seriiasy, "
     "vol. 99, no. 3, pp. 45–53.", "reference", "en"),
    ("3 Smith J. (2020) Data Protection in Central Asia: Between Sovereignty and Markets. "
     "Cambridge: Cambridge University Press, 312 p.", "reference", "en"),
    ("А.Б. Сейтқали¹*, Н.К. Омарова², J. Smith³", "author", "kk"),
    ("¹Казахский национальный университет имени аль-Фараби, Казахстан, Алматы", "front", "ru"),
    ("²Евразийский национальный университет имени Л.Н. Гумилева, Казахстан, Астана",
     "front", "ru"),
    ("³University of Cambridge, United Kingdom, Cambridge", "front", "en"),
    ("Правовые механизмы защиты персональных данных на цифровых платформах", "title", "ru"),
    ("Аннотация", "heading", "ru"),
    ("В статье рассматриваются правовые механизмы защиты персональных данных "
     "пользователей цифровых платформ. Авторы сравнивают действующее законодательство "
     "Республики Казахстан с Общим регламентом Европейского союза о защите данных и "
     "выявляют пробелы в регулировании.", "abstract", "ru"),
    ("Ключевые слова: персональные данные, цифровая платформа, согласие, оператор, "
     "трансграничная передача.", "keywords", "ru"),
    ("A.B. Seitkali¹*, N.K. Omarova², J. Smith³", "author", "en"),
    ("¹Al-Farabi Kazakh National University, Kazakhstan, Almaty", "front", "en"),
    ("²L.N. Gumilyov Eurasian National University, Kazakhstan, Astana", "front", "en"),
    ("³University of Cambridge, United Kingdom, Cambridge", "front", "en"),
    ("Legal mechanisms for the protection of personal data on digital platforms",
     "title", "en"),
    ("Abstract", "heading", "en"),
    ("The article examines the legal mechanisms for protecting the personal data of users "
     "of digital platforms. The authors compare the current legislation of the Republic of "
     "Kazakhstan with the General Data Protection Regulation of the European Union and "
     "identify gaps in regulation.", "abstract", "en"),
    ("Key words: personal data, digital platform, consent, operator, cross-border "
     "transfer.", "keywords", "en"),
]
KAZNU_NOTE = ("¹ Қазақстан Республикасының Конституциясы. 1995 жылғы 30 тамызда "
              "республикалық референдумда қабылданған. 18-бап.")


def kaznu_article(first_page: int = 45) -> tuple[bytes, Gold]:
    """The «ҚазҰУ Хабаршысы»-style Kazakh article as a PDF (printed pages from 45)."""
    ts = NotedTypesetter(
        notes={first_page: KAZNU_NOTE},
        first_page=first_page,
        header=lambda p: (f"{KAZNU_HEAD} https://bulletin-law.kaznu.kz" if p == first_page
                          else KAZNU_HEAD if p % 2 else "Сейтқали А.Б. және т.б."),
        footer=lambda p: ("", False),
    )
    _set(ts, KAZNU_ITEMS)
    return ts.finish(), ts.gold


# -- Russian article --------------------------------------------------------------------------
RU_HEAD = "Вестник Евразийского национального университета. Серия Право. 2023. Т. 143, № 2"
RU_ITEMS: list[Item] = [
    ("УДК 342.4", "front", None),
    ("ГРНТИ 10.15.51", "front", None),
    ("Е.С. Ахметов¹, А.В. Петрова²", "author", "ru"),
    ("¹Евразийский национальный университет имени Л.Н. Гумилева, Астана, Казахстан",
     "front", "ru"),
    ("²Карагандинский университет имени Е.А. Букетова, Караганда, Казахстан", "front", "ru"),
    ("e-mail: akhmetov.es@enu.kz", "front", None),
    ("Конституционный контроль в Республике Казахстан после реформы 2022 года",
     "title", "ru"),
    ("Аннотация. В статье анализируются изменения в системе конституционного контроля, "
     "вызванные созданием Конституционного Суда Республики Казахстан. Рассматриваются "
     "право граждан на прямое обращение в суд, порядок рассмотрения обращений и первые "
     "итоги деятельности нового органа.", "abstract", "ru"),
    ("Ключевые слова: конституционный контроль, Конституционный Суд, обращение граждан, "
     "правовая позиция.", "keywords", "ru"),
    ("Введение", "heading", "ru"),
    ("Конституционная реформа 2022 года изменила институциональную основу защиты прав и "
     "свобод человека в Казахстане. Вместо Конституционного Совета, к которому граждане не "
     "могли обращаться напрямую, был учрежден Конституционный Суд. Это решение "
     "соответствует рекомендациям Венецианской комиссии и опыту большинства государств "
     "континентальной правовой семьи.", "body", "ru"),
    ("1. Методы", "heading", "ru"),
    ("Исследование основано на сравнительно-правовом и формально-юридическом методах. "
     "Проанализированы нормативные постановления Конституционного Суда за первый год его "
     "работы, статистика поступивших обращений и научные публикации по теме.", "body", "ru"),
    ("2. Результаты и обсуждение", "heading", "ru"),
    ("2.1 Результаты", "heading", "ru"),
    ("За первый год работы в Конституционный Суд поступило более пяти тысяч обращений, из "
     "которых к производству принята незначительная часть. Основная доля отказов связана "
     "с несоблюдением требований к форме обращения и с отсутствием предварительного "
     "обжалования в судах общей юрисдикции.", "body", "ru"),
    ("Таблица 1 – Обращения в Конституционный Суд в 2023 году", "table", "ru"),
    ("Данные таблицы показывают, что количество принятых к производству обращений растет "
     "от квартала к кварталу, однако остается невысоким по сравнению с общим числом "
     "поступлений.", "body", "ru"),
    ("Рисунок 2 – Доля обращений, принятых к производству, по кварталам", "figure", "ru"),
    ("2.2 Обсуждение", "heading", "ru"),
    ("Полученные результаты позволяют сделать вывод о необходимости разъяснительной "
     "работы среди граждан и адвокатов. Кроме того, целесообразно закрепить в "
     "конституционном законе упрощенную процедуру исправления недостатков обращения.",
     "body", "ru"),
    ("Заключение", "heading", "ru"),
    ("Создание Конституционного Суда расширило доступ граждан к конституционному "
     "правосудию. Дальнейшее развитие института зависит от качества правовых позиций "
     "суда и от исполнения его решений государственными органами.", "body", "ru"),
    ("Список литературы", "heading", "ru"),
    ("1. Конституция Республики Казахстан от 30 августа 1995 года (с изменениями и "
     "дополнениями по состоянию на 8 июня 2022 года) // Ведомости Парламента Республики "
     "Казахстан. – 1996. – № 4. – Ст. 217.", "reference", "ru"),
    ("2. Сапаргалиев Г.С. Конституционное право Республики Казахстан: академический курс. "
     "– Алматы: Жеті жарғы, 2018. – 544 с.", "reference", "ru"),
    ("3. Ахметов Е.С. Доступ граждан к конституционному правосудию: сравнительный анализ "
     "// Вестник ЕНУ. Серия Право. – 2022. – Т. 139, № 2. – С. 7–18.", "reference", "ru"),
    ("Constitutional review in the Republic of Kazakhstan after the 2022 reform",
     "title", "en"),
    ("Ye.S. Akhmetov¹, A.V. Petrova²", "author", "en"),
    ("Abstract. The article analyses the changes in the system of constitutional review "
     "brought about by the establishment of the Constitutional Court of the Republic of "
     "Kazakhstan, including the right of citizens to apply to the court directly.",
     "abstract", "en"),
    ("Keywords: constitutional review, Constitutional Court, individual complaint, legal "
     "position.", "keywords", "en"),
]


def russian_article(first_page: int = 8) -> tuple[bytes, Gold]:
    """The Russian-language article as a PDF (printed pages from 8)."""
    ts = Typesetter(
        first_page=first_page,
        header=lambda p: RU_HEAD if p % 2 == first_page % 2 else "Ахметов Е.С., Петрова А.В.",
        footer=lambda p: ("", False),
    )
    _set(ts, RU_ITEMS)
    return ts.finish(), ts.gold


# -- English article from a Kazakh journal ----------------------------------------------------
EN_HEAD = "Eurasian Journal of Law, Vol. 12 No. 3 (2022)"
EN_ITEMS: list[Item] = [
    ("IRSTI 10.07.45", "front", None),
    ("https://doi.org/10.47703/ejl.v12i3.145", "front", None),
    ("Aigerim Nurlanovna Bekova1, Daniyar Sultanov2", "author", "en"),
    ("1 Al-Farabi Kazakh National University, Almaty, Kazakhstan", "front", "en"),
    ("2 Narxoz University, Almaty, Kazakhstan", "front", "en"),
    ("Corresponding author: a.bekova@kaznu.kz", "front", "en"),
    ("Small Business Lending and Collateral Law Reform in Kazakhstan", "title", "en"),
    ("Abstract", "heading", "en"),
    ("This paper examines how the 2019 reform of collateral law affected lending to small "
     "businesses in Kazakhstan. Using regional data on bank loans for 2015–2021, we find "
     "that the registration of movable collateral increased the share of secured loans to "
     "small firms, while interest rates remained largely unchanged.", "abstract", "en"),
    ("Keywords: collateral law, small business, bank lending, movable property, "
     "Kazakhstan.", "keywords", "en"),
    ("2", "columns", None),
    ("Introduction", "heading", "en"),
    ("Access to finance remains one of the main obstacles for small businesses in "
     "emerging economies. Banks often require real estate as collateral, which many young "
     "firms do not own. Reforms that allow movable assets such as equipment, inventory and "
     "receivables to secure loans are expected to widen access to credit.", "body", "en"),
    ("Kazakhstan introduced a unified electronic register of movable collateral in 2019. "
     "This study asks whether the reform changed the volume and terms of lending to small "
     "firms across the regions of the country.", "body", "en"),
    ("Materials and methods", "heading", "en"),
    ("We use quarterly data of the National Bank on loans to small businesses by region "
     "for 2015–2021 and compare regions with high and low shares of firms owning real "
     "estate before and after the reform. The estimation controls for regional output, "
     "the base rate and seasonal effects.", "body", "en"),
    ("Results", "heading", "en"),
    ("After the reform the share of secured loans to small firms rose by about six "
     "percentage points in regions where few firms owned real estate. The average "
     "interest rate did not change significantly, which suggests that banks adjusted the "
     "volume rather than the price of credit.", "body", "en"),
    ("Conclusion", "heading", "en"),
    ("The collateral law reform widened access to bank credit for small businesses that "
     "lack real estate. Further gains depend on the valuation of movable assets and on the "
     "speed of enforcement in courts.", "body", "en"),
    ("References", "heading", "en"),
    ("Beck, T., & Demirguc-Kunt, A. (2006). Small and medium-size enterprises: Access to "
     "finance as a growth constraint. Journal of Banking & Finance, 30(11), 2931–2943.",
     "reference", "en"),
    ("Calomiris, C. W., Larrain, M., Liberti, J., & Sturgess, J. (2017). How collateral "
     "laws shape lending and sectoral activity. Journal of Financial Economics, 123(1), "
     "163–188.", "reference", "en"),
    ("Sultanov, D. (2020). Secured transactions in Central Asia. Almaty: Narxoz "
     "University Press.", "reference", "en"),
]


def english_article(first_page: int = 31) -> tuple[bytes, Gold]:
    """The English article with a two-column body as a PDF (printed pages from 31)."""
    ts = Typesetter(first_page=first_page, header=lambda p: EN_HEAD,
                    footer=lambda p: ("", False))
    _set(ts, EN_ITEMS)
    return ts.finish(), ts.gold


# -- a news page saved as text ----------------------------------------------------------------
NEWS_HEAD = "url https://www.inform.kz/kz/article/3125478\ndate 2024-03-15\n"
NEWS_ITEMS: list[Item] = [
    ("Алматыда жаңа метро бекеті ашылды", "front_matter", "kk"),
    ("15 наурыз 2024, 10:30", "front_matter", "kk"),
    ("Автор: Айгүл Сәрсенова", "front_matter", "kk"),
    ("АЛМАТЫ. ҚазАқпарат – Бүгін Алматы метрополитенінің «Сарыарқа» бекеті жолаушыларға "
     "есігін ашты. Салтанатты рәсімге қала әкімі мен құрылысшылар қатысты.", "body", "kk"),
    ("Фото: inform.kz", "caption", "ru"),
    ("Жаңа бекет күніне 20 мыңға дейін жолаушыға қызмет көрсетеді деп күтілуде. Құрылыс "
     "жұмыстары 2021 жылы басталған болатын.", "body", "kk"),
    ("«Метро желісін ұзарту қала тұрғындарының жол жүру уақытын қысқартады», – деді әкім.",
     "body", "kk"),
    ("Фото: inform.kz", "caption", "ru"),
]


def news_page() -> tuple[bytes, Gold]:
    """A Kazakh news item as a browser saves it: capture header, headline, dateline, byline,
    one paragraph per line with blank lines between, photo credits."""
    text = NEWS_HEAD + "\n\n".join(t for t, _, _ in NEWS_ITEMS) + "\n"
    gold = [{"text": t, "role": role, "lang": lang, "page": 1} for t, role, lang in NEWS_ITEMS]
    return text.encode("utf-8"), gold


def _as_text(make: Callable[[], tuple[bytes, Gold]]) -> Callable[[], tuple[bytes, Gold]]:
    def made() -> tuple[bytes, Gold]:
        pdf, gold = make()
        return text_copy(pdf), gold

    return made


GENERATORS: dict[str, Callable[[], tuple[bytes, Gold]]] = {
    "style_kaznu": kaznu_article,
    "style_kaznu_text": _as_text(kaznu_article),
    "style_russian": russian_article,
    "style_russian_text": _as_text(russian_article),
    "style_english": english_article,
    "style_english_text": _as_text(english_article),
    "style_news_text": news_page,
}
