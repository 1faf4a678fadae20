"""Tests for analysis.topics and analysis.plots.topics."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import numpy as np
import pandas as pd
import pytest
from matplotlib.figure import Figure

from analysis.embed import embed_documents
from analysis.errors import ParameterError
from analysis.io import read_parquet, write_parquet
from analysis import topics as topic_module
from analysis.plots import topics as topic_plots
from analysis.topics import (
    TopicModel, as_dict, build_lexicon, label_topics, topic_quality, topics_by, topics_over_time, unify_names,
)
from tests.conftest import load_folder_corpus

TINY = {
    # (lang, topic): texts
    ("en", "football"): [
        "Champions League final\n\nReal Madrid beat Liverpool in the Champions League final in Paris. The goalkeeper made nine saves and the coach praised his players after the match.",
        "Striker signs new contract\n\nThe club's top striker signed a new contract until 2027. He scored thirty goals in the league this season and the fans celebrated at the stadium.",
    ],
    ("it", "football"): [
        "Finale di Champions League\n\nIl Real Madrid ha battuto il Liverpool nella finale di Champions League a Parigi. Il portiere ha fatto nove parate e l'allenatore ha elogiato i suoi giocatori dopo la partita.",
        "L'attaccante rinnova il contratto\n\nIl miglior attaccante della squadra ha firmato un nuovo contratto fino al 2027. Ha segnato trenta gol in campionato e i tifosi hanno festeggiato allo stadio.",
    ],
    ("de", "football"): [
        "Finale der Champions League\n\nReal Madrid hat Liverpool im Finale der Champions League in Paris besiegt. Der Torwart hielt neun Schüsse und der Trainer lobte seine Spieler nach dem Spiel.",
        "Stürmer verlängert Vertrag\n\nDer beste Stürmer des Vereins hat einen neuen Vertrag bis 2027 unterschrieben. Er erzielte dreißig Tore in der Liga und die Fans feierten im Stadion.",
    ],
    ("en", "vaccine"): [
        "New vaccine approved\n\nHealth authorities approved a new vaccine against the virus. Doctors say the vaccination campaign in hospitals will start next week for elderly patients.",
        "Infections fall after vaccination\n\nThe number of infections and deaths from the virus fell sharply after the vaccination campaign, the health ministry said. Hospitals have fewer patients.",
    ],
    ("it", "vaccine"): [
        "Approvato un nuovo vaccino\n\nLe autorità sanitarie hanno approvato un nuovo vaccino contro il virus. I medici dicono che la campagna di vaccinazione negli ospedali inizierà la prossima settimana per i pazienti anziani.",
        "Calano i contagi dopo la vaccinazione\n\nIl numero di contagi e di morti per il virus è calato fortemente dopo la campagna di vaccinazione, ha detto il ministero della salute. Gli ospedali hanno meno pazienti.",
    ],
    ("de", "vaccine"): [
        "Neuer Impfstoff zugelassen\n\nDie Gesundheitsbehörden haben einen neuen Impfstoff gegen das Virus zugelassen. Ärzte sagen, die Impfkampagne in den Krankenhäusern beginnt nächste Woche für ältere Patienten.",
        "Infektionen sinken nach der Impfung\n\nDie Zahl der Infektionen und Todesfälle durch das Virus ist nach der Impfkampagne stark gesunken, teilte das Gesundheitsministerium mit. Die Krankenhäuser haben weniger Patienten.",
    ],
    ("en", "gas"): [
        "Gas prices soar\n\nEuropean gas prices rose to a record as Russia cut supplies through the pipeline. Households face higher energy bills this winter.",
        "Energy crisis deepens\n\nThe government announced help for families hit by soaring gas and electricity prices. Energy companies warn of shortages if the pipeline stays closed.",
    ],
    ("it", "gas"): [
        "Prezzi del gas alle stelle\n\nI prezzi europei del gas sono saliti a un record dopo che la Russia ha tagliato le forniture attraverso il gasdotto. Le famiglie affrontano bollette energetiche più alte quest'inverno.",
        "Si aggrava la crisi energetica\n\nIl governo ha annunciato aiuti per le famiglie colpite dall'aumento dei prezzi del gas e dell'elettricità. Le società energetiche avvertono di carenze se il gasdotto resta chiuso.",
    ],
    ("de", "gas"): [
        "Gaspreise steigen stark\n\nDie europäischen Gaspreise stiegen auf einen Rekord, nachdem Russland die Lieferungen durch die Pipeline gekürzt hat. Haushalte müssen in diesem Winter mit höheren Energierechnungen rechnen.",
        "Energiekrise verschärft sich\n\nDie Regierung kündigte Hilfen für Familien an, die von steigenden Gas- und Strompreisen betroffen sind. Energieunternehmen warnen vor Engpässen, wenn die Pipeline geschlossen bleibt.",
    ],
}


def tiny_documents() -> pd.DataFrame:
    rows = []
    for (lang, topic), texts in TINY.items():
        for i, raw in enumerate(texts):
            title, _, body = raw.partition("\n\n")
            rows.append({"doc_id": f"{topic}-{i}-{lang}", "title": title, "text": body, "lang": lang,
                         "source": f"agency-{i}", "topic": topic,
                         "date": pd.Timestamp("2022-03-01") + pd.Timedelta(days=40 * i), "duplicate_of": None})
    return pd.DataFrame(rows)


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    docs = tiny_documents()
    return docs, embed_documents(docs, cache_dir=tmp_path_factory.mktemp("embeddings"))


@pytest.fixture(scope="module")
def fitted(tiny):
    docs, vectors = tiny
    return TopicModel(n_topics=3, random_state=0).fit(docs, vectors)


def topic_of(model: TopicModel) -> pd.Series:
    return model.doc_topics_.set_index("doc_id")["topic_id"]


def test_topics_follow_subjects_not_languages(tiny, fitted):
    docs, _ = tiny
    assigned = topic_of(fitted).reindex(docs["doc_id"]).to_numpy()
    table = pd.crosstab(docs["topic"], assigned)
    assert (table.gt(0).sum(axis=1) == 1).all()  # each subject in one topic
    assert (table.gt(0).sum(axis=0) == 1).all()  # each topic one subject
    for shares in fitted.topics_["lang_share"]:
        assert shares == {"de": pytest.approx(1 / 3), "en": pytest.approx(1 / 3), "it": pytest.approx(1 / 3)}


def test_fitted_tables_follow_the_contract(tiny, fitted):
    docs, _ = tiny
    topics, doc_topics = fitted.topics_, fitted.doc_topics_
    assert list(doc_topics.columns) == ["doc_id", "topic_id", "weight"]
    assert sorted(doc_topics["doc_id"]) == sorted(docs["doc_id"]) == doc_topics["doc_id"].tolist()
    assert {"topic_id", "label", "size", "terms", "terms_by_lang", "lang_share"} <= set(topics.columns)
    assert topics["topic_id"].tolist() == [0, 1, 2] and topics["size"].sum() == len(docs)
    assert fitted.n_topics_ == 3
    for row in topics.itertuples():
        assert set(row.terms_by_lang) == {"de", "en", "it"}
        assert 0 < len(row.terms) <= 10 and isinstance(row.label, str) and row.label


def test_labels_are_lemmas_without_stopwords_or_numbers(tiny, fitted):
    docs, _ = tiny
    by_subject = {}
    for row in fitted.topics_.itertuples():
        subject = docs.set_index("doc_id").loc[fitted.doc_topics_.query("topic_id == @row.topic_id")["doc_id"], "topic"].iloc[0]
        by_subject[subject] = row
    vaccine = by_subject["vaccine"].terms_by_lang
    assert "vaccination" in vaccine["en"] and "Impfstoff" in vaccine["de"] and "vaccinazione" in vaccine["it"]
    assert "ospedale" in vaccine["it"]  # lemma of "ospedali"
    everything = [t for row in fitted.topics_.itertuples() for terms in row.terms_by_lang.values() for t in terms]
    assert not {"the", "and", "il", "di", "der", "die", "2027"} & {t.lower() for t in everything}
    assert by_subject["gas"].label.split(", ")[0] in by_subject["gas"].terms_by_lang["en"]


def test_two_runs_are_identical(tiny, fitted):
    docs, vectors = tiny
    again = TopicModel(n_topics=3, random_state=0).fit(docs, vectors)
    pd.testing.assert_frame_equal(again.doc_topics_, fitted.doc_topics_)
    assert again.topics_.to_json() == fitted.topics_.to_json()


def test_duplicates_inherit_their_original_topic_and_are_not_fitted(tiny, fitted):
    docs, vectors = tiny
    copy = docs.iloc[[0]].assign(doc_id="zz-copy", duplicate_of=docs["doc_id"].iloc[0], text="unrelated words only")
    model = TopicModel(n_topics=3).fit(pd.concat([docs, copy], ignore_index=True), np.vstack([vectors, vectors[-1:]]))
    assigned = topic_of(model)
    assert assigned["zz-copy"] == assigned[docs["doc_id"].iloc[0]]
    assert model.topics_["size"].sum() == len(docs) + 1
    pd.testing.assert_series_equal(assigned.drop("zz-copy"), topic_of(fitted))


def test_empty_documents_are_the_only_outliers(tiny):
    docs, vectors = tiny
    empty = pd.DataFrame([{"doc_id": "empty", "title": "", "text": "", "lang": "en", "duplicate_of": None}])
    model = TopicModel(n_topics=3).fit(pd.concat([docs, empty], ignore_index=True),
                                       np.vstack([vectors, np.zeros((1, vectors.shape[1]), np.float32)]))
    assigned = topic_of(model)
    assert assigned["empty"] == -1 and (assigned.drop("empty") >= 0).all()
    assert -1 in model.topics_["topic_id"].tolist()


def test_auto_topic_count_and_silhouette_choice(tiny):
    docs, vectors = tiny
    auto = TopicModel().fit(docs, vectors)
    assert auto.n_topics_ == 3  # round(sqrt(18 / 2))
    chosen = TopicModel(k_candidates=[2, 3, 4, 6]).fit(docs, vectors)
    assert chosen.k_scores_["k"].tolist() == [2, 3, 4, 6]
    # Six articles, each in three languages: the tightest clusters are the six articles.
    assert chosen.n_topics_ == 6
    events = docs["doc_id"].str.rsplit("-", n=1).str[0]
    assert (pd.crosstab(events, topic_of(chosen).reindex(docs["doc_id"]).to_numpy()).gt(0).sum(axis=1) == 1).all()


def test_nmf_baseline_runs_and_is_deterministic(tiny):
    docs, _ = tiny
    first = TopicModel(n_topics=3, backend="nmf").fit(docs)
    second = TopicModel(n_topics=3, backend="nmf").fit(docs)
    pd.testing.assert_frame_equal(first.doc_topics_, second.doc_topics_)
    assert len(first.doc_topics_) == len(docs)
    assert first.topics_["size"].sum() == len(docs)


def test_topics_table_round_trips_through_parquet(tmp_path, fitted):
    path = write_parquet(fitted.topics_, tmp_path / "topics.parquet")
    back = read_parquet(path)
    also = pd.read_parquet(fitted.topics_.to_parquet(tmp_path / "pandas.parquet") or tmp_path / "pandas.parquet")
    for table in (back, also):
        for original, restored in zip(fitted.topics_.itertuples(), table.itertuples()):
            assert as_dict(restored.terms_by_lang) == original.terms_by_lang
            assert as_dict(restored.lang_share) == original.lang_share
            assert list(restored.terms) == original.terms


def test_unequal_language_sets_round_trip(tmp_path):
    topics = pd.DataFrame({"topic_id": [0, 1], "terms_by_lang": [{"en": ["gas"]}, {"it": ["gas"], "pl": []}],
                           "lang_share": [{"en": 1.0}, {"it": 0.5, "pl": 0.5}]})
    back = read_parquet(write_parquet(topics, tmp_path / "t.parquet"))
    assert [as_dict(v) for v in back["terms_by_lang"]] == topics["terms_by_lang"].tolist()
    assert [as_dict(v) for v in back["lang_share"]] == topics["lang_share"].tolist()


def test_name_variants_share_one_spelling():
    pools = {"en": {"Zelensky": 30.0, "Italian": 9.0}, "de": {"Selenskyj": 12.0, "Italien": 8.0},
             "pl": {"Zełenski": 10.0}, "ru": {"Зеленский": 20.0}, "it": {"Austria": 5.0}}
    wanted = {"de": {"Selenskyj", "Italien"}, "pl": {"Zełenski"}, "ru": {"Зеленский"}, "it": {"Austria"}}
    mapping = unify_names(wanted, pools)
    assert mapping[("de", "Selenskyj")] == mapping[("pl", "Zełenski")] == mapping[("ru", "Зеленский")] == "Zelensky"
    assert ("de", "Italien") not in mapping  # a country is not its adjective
    assert ("it", "Austria") not in mapping


def test_term_normalizer_hook_rewrites_and_drops_terms():
    docs = pd.DataFrame({"doc_id": ["a", "b"], "title": ["", ""], "lang": ["en", "en"],
                         "text": ["Putin met Biden in Geneva.", "Putin called Biden again from Moscow."]})
    canonical = {"putin": "Vladimir Putin"}
    lexicon = build_lexicon(docs, term_normalizer=lambda term, lang: None if term == "Moscow"
                            else canonical.get(term.lower(), term))
    keys = lexicon.languages["en"].keys
    assert "vladimir putin" in keys and "moscow" not in keys and "putin" not in keys


def test_terms_spread_over_every_topic_give_way_to_the_topics_own_terms():
    docs = pd.DataFrame({"doc_id": list("abcdef"), "title": [""] * 6, "lang": ["en"] * 6,
                         "text": ["market market market market pipeline"] * 2
                         + ["market wheat", "market harvest", "market barley", "market grain"]})
    lexicon = build_lexicon(docs, boilerplate_min_docs=10)
    topic_of_doc = np.array([0, 0, 1, 1, 1, 1])

    def first_terms(concentration):
        topics = label_topics(lexicon, topic_of_doc, [0, 1], n_terms=2, concentration=concentration)
        return topics.loc[0, "terms_by_lang"]["en"]

    # Plain c-TF-IDF: market 8/10 * log(1 + 9/12) = 0.45 beats pipeline 2/10 * log(1 + 9/2) = 0.34.
    assert first_terms(0.0) == ["market", "pipeline"]
    # market is in all 6 documents but only 2 are this topic's: 0.45 * (2/6) ** 0.5 = 0.26 < 0.34.
    assert first_terms(0.5) == ["pipeline", "market"]


def test_boilerplate_lines_are_ignored():
    footer = "Follow us on our channels for more updates every day"
    docs = pd.DataFrame({"doc_id": list("abc"), "title": [""] * 3, "lang": ["en"] * 3,
                         "text": [f"Gas prices rose.\n{footer}", f"Wheat prices fell.\n{footer}", f"Oil prices rose.\n{footer}"]})
    keys = build_lexicon(docs).languages["en"].keys
    assert "price" in keys and "channel" not in keys and "update" not in keys


def test_web_and_mail_addresses_give_no_terms():
    docs = pd.DataFrame({"doc_id": list("ab"), "title": ["", ""], "lang": ["en", "en"],
                         "text": ["Gas prices rose, see https://pipelines.example.org/tariffs or www.gasworld.net.",
                                  "Write to editors@newsdesk.example.com about wheat (@farmers)."]})
    keys = build_lexicon(docs).languages["en"].keys
    assert {"gas", "price", "wheat", "farmer", "write"} <= set(keys)
    assert not {"pipeline", "tariff", "gasworld", "editor", "newsdesk", "example"} & set(keys)


def test_topic_quality_reports_npmi_diversity_and_outliers(tiny, fitted):
    docs, _ = tiny
    quality = topic_quality(docs, fitted.topics_, fitted.doc_topics_)
    assert list(quality.columns) == ["topic_id", "label", "size", "lang_share", "npmi_by_lang", "npmi"]
    for row in quality.itertuples():
        assert set(row.npmi_by_lang) == {"de", "en", "it"}
        assert all(-1.0 <= v <= 1.0 for v in row.npmi_by_lang.values())
    assert quality.attrs["outlier_share"] == 0.0 and quality.attrs["n_topics"] == 3
    assert 0 < quality.attrs["topic_diversity"] <= 1
    assert set(quality.attrs["npmi_by_lang"]) == {"de", "en", "it"}


def test_npmi_by_hand():
    docs = pd.DataFrame({"doc_id": list("abcd"), "title": [""] * 4, "lang": ["en"] * 4,
                         "text": ["gas pipeline", "gas pipeline", "wheat harvest", "wheat harvest"]})
    doc_topics = pd.DataFrame({"doc_id": list("abcd"), "topic_id": [0, 0, 1, 1], "weight": 1.0})
    topics = pd.DataFrame({"topic_id": [0, 1], "label": ["gas", "wheat"], "size": [2, 2],
                           "terms_by_lang": [{"en": ["gas", "pipeline"]}, {"en": ["gas", "harvest"]}],
                           "lang_share": [{"en": 1.0}, {"en": 1.0}]})
    quality = topic_quality(docs, topics, doc_topics)
    # gas & pipeline: p = 1/2 each and together -> log(2) / -log(1/2) = 1; gas & harvest never meet -> -1.
    assert quality["npmi"].tolist() == [1.0, -1.0]
    assert quality.attrs["topic_diversity"] == 0.75


def test_topics_over_time_and_by_group(tiny, fitted):
    docs, _ = tiny
    undated = docs.assign(date=docs["date"].where(docs.index != 0))
    monthly = topics_over_time(undated, fitted.doc_topics_, freq="M")
    assert monthly["n_docs"].sum() == len(docs) - 1 and monthly.attrs["undated"] == 1
    assert set(monthly["period"]) == {pd.Timestamp("2022-03-01"), pd.Timestamp("2022-04-01")}
    by_lang = topics_by(docs, fitted.doc_topics_, column="lang")
    assert (by_lang["n_docs"] == 2).all() and (by_lang["share_of_topic"].round(3) == 0.333).all()
    by_source = topics_by(docs, fitted.doc_topics_, column="source")
    assert by_source["n_docs"].sum() == len(docs)
    with pytest.raises(ParameterError, match="column"):
        topics_by(docs, fitted.doc_topics_, column="outlet")
    with pytest.raises(ParameterError, match="freq"):
        topics_over_time(docs, fitted.doc_topics_, freq="fortnight")


@pytest.mark.parametrize("options, message", [
    ({"backend": "lda"}, "backend"), ({"n_topics": 0}, "n_topics"), ({"n_topics": "many"}, "n_topics"),
    ({"language_centering": "yes"}, "language_centering"), ({"n_terms": 0}, "n_terms"),
])
def test_bad_options_raise(tiny, options, message):
    docs, vectors = tiny
    with pytest.raises(ParameterError, match=message):
        TopicModel(**options).fit(docs, vectors)


def test_bad_input_raises(tiny):
    docs, vectors = tiny
    with pytest.raises(ParameterError, match="lang"):
        TopicModel().fit(docs.drop(columns="lang"), vectors)
    with pytest.raises(ParameterError, match="one row per document"):
        TopicModel().fit(docs, vectors[:-1])


def test_plots_return_figures_with_many_topics(tiny, fitted):
    docs, vectors = tiny
    many = pd.DataFrame({
        "topic_id": list(range(35)) + [-1], "label": [f"term{i}, other, words" for i in range(36)],
        "size": [3] * 36, "lang_share": [{"en": 0.5, "it": 0.5}] * 36,
    })
    for figure in (topic_plots.plot_topic_language_heatmap(many), topic_plots.plot_topic_sizes(many),
                   topic_plots.plot_document_map(vectors, fitted.doc_topics_, documents=docs, topics=fitted.topics_),
                   topic_plots.plot_topics_over_time(topics_over_time(docs, fitted.doc_topics_), fitted.topics_)):
        assert isinstance(figure, Figure)
    heatmap = topic_plots.plot_topic_language_heatmap(many)
    assert len(heatmap.axes[0].get_yticklabels()) == 36


def test_dev_corpus_topics_mix_languages_and_keep_translations_together(semeval_dir, translations_dir):
    from analysis import config

    docs = pd.concat([load_folder_corpus(semeval_dir), load_folder_corpus(translations_dir, "en_from_pl_*.txt")],
                     ignore_index=True)
    vectors = embed_documents(docs, cache_dir=config.CACHE_DIR / "embeddings")
    model = TopicModel(random_state=0).fit(docs, vectors)
    real = model.topics_[model.topics_["topic_id"] >= 0]
    mixed = sum(sum(share >= 0.2 for share in shares.values()) >= 2 for shares in real["lang_share"])
    assert mixed >= len(real) / 2
    assigned = topic_of(model)
    pairs = [(d, "pl/" + d.removeprefix("en/en_from_pl_")) for d in docs["doc_id"] if d.startswith("en/en_from_pl_")]
    assert len(pairs) == 11
    assert sum(assigned[a] == assigned[b] for a, b in pairs) >= 10
    assert (assigned == -1).mean() <= 0.05


@pytest.mark.parametrize("backend", ["embedding", "nmf"])
@pytest.mark.parametrize("n_docs", [0, 1, 2])
def test_tiny_inputs_give_writable_tables(tmp_path, tiny, backend, n_docs):
    docs, vectors = tiny
    model = TopicModel(backend=backend).fit(docs.head(n_docs), vectors[:n_docs] if backend == "embedding" else None)
    assert sorted(model.doc_topics_["doc_id"]) == sorted(docs["doc_id"].head(n_docs))
    write_parquet(model.topics_, tmp_path / "topics.parquet")
    write_parquet(model.doc_topics_, tmp_path / "doc_topics.parquet")
    quality = topic_quality(docs.head(n_docs), model.topics_, model.doc_topics_)
    assert len(quality) == len(model.topics_)


def test_kmeans_finds_separated_clusters_deterministically():
    rng = np.random.default_rng(3)
    centres = rng.normal(size=(5, 80)) * 4
    X = np.vstack([centre + rng.normal(size=(30, 80)) for centre in centres])
    labels = topic_module._kmeans(X, 5, random_state=0, n_init=2)
    truth = np.repeat(np.arange(5), 30)
    # The same partition as the truth, whatever the cluster numbers: one label per true cluster.
    assert len(set(zip(truth, labels))) == 5 and len(set(labels)) == 5
    assert np.array_equal(labels, topic_module._kmeans(X, 5, random_state=0, n_init=2))


def test_kmeans_with_fewer_distinct_points_than_clusters():
    X = np.array([[1.0, 0.0], [1.0, 0.0], [0.0, 1.0], [0.0, 1.0]])
    labels = topic_module._kmeans(X, 3, random_state=0, n_init=1)
    assert labels[0] == labels[1] and labels[2] == labels[3] and labels[0] != labels[2]


def test_principal_components_match_the_leading_eigenvectors():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(200, 3)) * np.array([5.0, 2.0, 0.5])
    projected = topic_module._principal_components(X, X, 2)
    variances = projected.var(axis=0)
    # Axis-aligned data: the components are the first two axes, in order of variance.
    assert variances[0] > variances[1] > 1.0
    assert np.allclose(np.abs(projected), np.abs(X[:, :2] - X[:, :2].mean(axis=0)), atol=0.3)


LEMMA_WORDS = {"it": ["ospedali", "giocatori", "hanno", "festeggiato", "parate", "Parigi"],
               "en": ["hospitals", "infections", "scored", "players", "celebrated", "went"]}


def test_lemmas_come_from_a_trie_built_once_in_the_cache_folder(tmp_path, monkeypatch):
    import simplemma
    from simplemma.strategies.dictionaries import TrieDictionaryFactory

    from analysis import config

    monkeypatch.setattr(config, "CACHE_DIR", tmp_path)
    for lang, words in LEMMA_WORDS.items():
        assert [topic_module._lemmatizer(lang)(w) for w in words] == [simplemma.lemmatize(w, lang) for w in words]
    assert topic_module._lemmatizer("xx")("Ospedali") == "Ospedali"  # a language simplemma lacks
    assert sorted(p.name for p in tmp_path.glob("lemmas/*/*")) == ["en.dic", "it.dic"]  # no temporary folder left

    def no_rebuild(self, lang):
        raise AssertionError(f"trie for {lang} built again")

    monkeypatch.setattr(TrieDictionaryFactory, "_build_trie", no_rebuild)
    assert topic_module._lemmatizer("it")("ospedali") == "ospedale"


def test_lemmas_without_a_writable_cache_folder_or_a_dictionary(tmp_path, monkeypatch):
    import simplemma

    from analysis import config

    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    monkeypatch.setattr(config, "CACHE_DIR", blocked)
    words = LEMMA_WORDS["it"]
    assert [topic_module._lemmatizer("it")(w) for w in words] == [simplemma.lemmatize(w, "it") for w in words]
    assert topic_module._lemmatizer("xx")("Ospedali") == "Ospedali"  # a language simplemma lacks
