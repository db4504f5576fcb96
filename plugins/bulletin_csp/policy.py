"""Build the policy text: directives in the setting's order, extras added."""

# Sources that would let injected markup run: never in the policy.
FORBIDDEN_SOURCES = ("'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "*", "data:", "http:", "https:")


def content_security_policy(base, extra=None):
    """`base` and `extra` map a directive to its sources (lists of text)."""
    directives = {name: list(sources) for name, sources in base.items()}
    for name, sources in (extra or {}).items():
        merged = [s for s in directives.get(name, []) if s != "'none'"]
        directives[name] = merged + [s for s in sources if s not in merged]
    return "; ".join(" ".join([name, *sources]) for name, sources in directives.items())


def problem_in(policy):
    """What is wrong with a policy setting, or None (for settings checks)."""
    if not isinstance(policy, dict) or not policy:
        return "a dict of directive -> list of sources"
    for name, sources in policy.items():
        if not isinstance(name, str) or not name.replace("-", "").isalpha():
            return f"directive names such as 'script-src' (not {name!r})"
        if not isinstance(sources, list) or not sources or not all(isinstance(s, str) for s in sources):
            return f"a non-empty list of sources for {name}"
        for source in sources:
            if not source or any(c in source for c in ";,\"<> \t\n") or source in FORBIDDEN_SOURCES:
                return f"sources without {', '.join(FORBIDDEN_SOURCES)} or ; , \" < > (not {source!r} in {name})"
    if "default-src" not in policy:
        return "a default-src directive"
    return None
