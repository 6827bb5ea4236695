from plansite.readability import check_text, sentences, syllables


def test_syllables():
    assert [syllables(w) for w in ("crime", "safer", "partnership", "the", "community", "reduced")] == [1, 2, 3, 1, 4, 2]


def test_list_items_are_sentences():
    assert sentences("It has three priorities:\n\n- less crime\n- safer streets\n\nWe will act.") == [
        "It has three priorities:", "less crime", "safer streets", "We will act."]


def test_flags_long_passive_and_unexplained():
    text = ("Working groups have been set up to drive the work. "
            "The partnership will work with the police and the council and the fire service and health services "
            "and probation services and many other partners across the city to make it safer. The IOM team helps. ASB fell.")
    result = check_text("sample", text, glossary={"ASB": {}})
    assert result.passive_sentences == ["Working groups have been set up to drive the work."]
    assert [len(s.split()) for s in result.long_sentences] == [31]
    assert result.unexplained == ["IOM"]


def test_short_plain_text_meets_the_target():
    result = check_text("plain", "We want less crime. We will help people. You can help too.", glossary={})
    assert result.meets_target and result.reading_age < 9
