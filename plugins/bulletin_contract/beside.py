"""Work on what is read so far, done on the second core while this one goes on."""
import multiprocessing
from concurrent.futures import Future, ProcessPoolExecutor

_work = None  # (function, args) for the forked process, which has it in its copy of memory


def _run():
    function, args = _work
    return function(*args)


def beside(function, *args, items=0, min_items=0):
    """A future of `function(*args)`, run by a forked process; here, at
    once, for fewer `items` than `min_items` (sooner than a process starts).
    The arguments reach the process as its copy of this one's memory, not
    pickled: only the result is."""
    global _work
    if items < min_items:
        done = Future()
        done.set_result(function(*args))
        return done
    pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"))
    _work = (function, args)
    try:
        return pool.submit(_run)  # forks here
    finally:
        _work = None
        pool.shutdown(wait=False)
