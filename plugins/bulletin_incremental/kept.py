"""Files of the cache folder that only speed a build up: each is read back
whole or not at all, and written whole or not at all."""
import os
import pickle


def load(path):
    """What `save` kept at `path`, or None when there is none or it cannot be read back."""
    try:
        with open(path, "rb") as handle:
            return pickle.load(handle)
    except Exception:  # noqa: BLE001 (none yet, cut short, another version's: the build works it out again)
        return None


def save(path, data):
    """Keep `data` at `path`, replacing the file at once (never half written)."""
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path + ".part", "wb") as handle:
            pickle.dump(data, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(path + ".part", path)
    except OSError:
        pass  # unsaved, the next build works it out again; the build says why it cannot write
