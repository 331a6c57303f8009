"""``reader add --dask SCHEDULER|local``: the per-batch function over a Dask bag (extra ``reader[dask]``).

The articles are cut into batches; a ``dask.bag`` of the batches is mapped with
:func:`reader.corpus.analyse_batch` (each worker loads the spaCy pipeline once) on a
``distributed`` cluster: the scheduler at the address given (its workers need ``reader`` and the
same spaCy pipeline installed), or, with ``local``, a LocalCluster of ``jobs`` worker processes
started here. The outcomes come back batch by batch, in the order read, and are written into
the library as the local path writes them, each batch in one transaction.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from .corpus import BATCH_SIZE, Outcome, analyse_batch
from .model import Article

if TYPE_CHECKING:
    from distributed import Client

LOCAL = "local"
CONNECT_TIMEOUT = "10s"
EXTRA_HINT = "pip install 'reader[dask]'"


class DaskUnavailable(Exception):
    """The optional extra is not installed; the message is one line."""


class DaskError(Exception):
    """The cluster cannot be reached or its workers failed; the message is one line."""


def require_dask() -> None:
    """Raise DaskUnavailable unless dask.bag and distributed can be imported."""
    try:
        import dask.bag  # noqa: F401
        import distributed  # noqa: F401
    except ImportError as e:
        raise DaskUnavailable(f"--dask needs the optional extra reader[dask] ({e.name or 'dask'} is not "
                              f"installed): {EXTRA_HINT}") from None


@contextmanager
def dask_client(address: str, jobs: int) -> Iterator[Client]:
    """A client of the scheduler at ``address``, or of a LocalCluster of ``jobs`` single-threaded
    worker processes for ``local`` (closed afterwards)."""
    require_dask()
    from distributed import Client, LocalCluster

    logging.getLogger("distributed").setLevel(logging.ERROR)  # its warnings are not the user's business
    if address == LOCAL:
        try:
            cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                                   dashboard_address=None, silence_logs=logging.ERROR)
        except Exception as e:
            raise DaskError(f"cannot start a local Dask cluster ({_reason(e)})") from None
        with cluster, Client(cluster) as client:
            yield client
        return
    try:
        client = Client(address, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError, ValueError) as e:
        raise DaskError(f"cannot reach the Dask scheduler at {address} ({_reason(e)})") from None
    with client:
        yield client


def dask_stream(articles: list[Article], client: Client, model: str | None = None,
                batch_size: int = BATCH_SIZE) -> Iterator[Outcome]:
    """The outcome of each article, in order: :func:`analyse_batch` mapped over a bag of batches
    of ``batch_size`` articles, every batch submitted at once and taken back in order."""
    if not articles:
        return
    import dask.bag as db

    batches = [articles[i:i + batch_size] for i in range(0, len(articles), batch_size)]
    bag = db.from_sequence(batches, npartitions=len(batches)).map(analyse_batch, model=model,
                                                                  batch_size=batch_size).flatten()
    futures = client.compute(bag.to_delayed())
    try:
        for future in futures:
            try:
                outcomes = future.result()
            except Exception as e:  # a worker lost, or the pipeline missing on the workers
                raise DaskError(f"the Dask workers failed ({_reason(e)})") from None
            yield from outcomes
    finally:
        client.cancel(futures)


def _reason(error: BaseException) -> str:
    lines = str(error).strip().splitlines()
    return f"{type(error).__name__}: {lines[0]}" if lines else type(error).__name__
