"""A real DocBook page: an excerpt of Debian's new maintainers' guide in Russian
(maint-guide-ru 1.2.53, ``checkit.ru.html``; see ``tests/data/html/README.md``)."""

from __future__ import annotations

from pathlib import Path

from archive.ingest.analyse import analyse

EXCERPT = Path(__file__).resolve().parent / "data" / "html" / "maint_guide_checkit_excerpt.ru.html"
STEPS = ["установите предыдущую версию (если необходимо)", "обновите пакет с предыдущей версии",
         "откатитесь на предыдущую версию (по желанию)", "вычистите пакет",
         "установите новый пакет", "удалите его", "установите опять", "вычистите пакет"]


def test_table_of_contents_and_item_paragraphs() -> None:
    blocks = analyse(EXCERPT.read_bytes()).segmentation.blocks
    texts = [b.text for b in blocks]
    # The table of contents is the page's navigation: neither its heading nor its entries.
    assert not any("Содержание" in t or "7.1. Подозрительные изменения" in t for t in texts)
    # Each paragraph of the page is one paragraph; the list after "…шаги:" is a list.
    assert texts[0].startswith("Если ваш пакет использует эти нетривиальные сценарии")
    assert texts[0].endswith("Для проверки используйте команду dpkg:")
    k = texts.index("Следует выполнить следующие шаги:")
    assert [(b.role, b.text) for b in blocks[k + 1:k + 9]] == [("list_item", s) for s in STEPS]
    assert texts[k + 9] == ("Если это ваш первый пакет, то для тестирования вам понадобятся ещё "
                            "пакеты-пустышки различных версий.")
    assert len(blocks) == k + 10
