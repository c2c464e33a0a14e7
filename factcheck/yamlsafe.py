"""The YAML side of rule files: PyYAML's safe loader (no python/object tags: nothing in a rule file can name a
Python callable), plus line numbers for error messages, plus limits on nesting and on alias expansion."""

from __future__ import annotations

import yaml

MAX_YAML_DEPTH = 40  # a rule file is a handful of levels deep; [[[[... 100k deep would exhaust the stack
# Counted with aliases expanded: a billion-laughs file is refused before it is built. PyYAML composes some 7,000
# values a second; a rule file of many rules holds a few thousand.
MAX_YAML_NODES = 25_000


class SafeLimitedLoader(yaml.SafeLoader):
    """SafeLoader (no python/object tags) that refuses documents nested too deeply or too large once aliases are
    expanded (article rule files use it as it is)."""

    _depth = 0
    _nodes = 0

    def compose_node(self, parent, index):
        self._depth += 1
        self._nodes += 1
        try:
            if self._depth > MAX_YAML_DEPTH:
                mark = self.peek_event().start_mark
                raise Refused(mark.line + 1, f"nested more than {MAX_YAML_DEPTH} levels deep")
            if self._nodes > MAX_YAML_NODES:
                mark = self.peek_event().start_mark
                raise Refused(mark.line + 1, f"more than {MAX_YAML_NODES} values")
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def construct_document(self, node):
        _check_expanded_size(node)
        return super().construct_document(node)


class SafeLineLoader(SafeLimitedLoader):
    """SafeLimitedLoader that also remembers each mapping's line, and each key's line, for error messages."""


class Refused(Exception):
    def __init__(self, line: int, why: str) -> None:
        super().__init__(why)
        self.line = line


def _check_expanded_size(root) -> None:
    """Count nodes as if every alias were copied out, without copying: each distinct node is visited once.
    A node that contains itself (a recursive alias) counts as infinitely large."""
    sizes: dict[int, int] = {}
    entered: set[int] = set()
    stack = [(root, False)]
    while stack:  # post-order, without recursion
        n, done = stack.pop()
        if id(n) in sizes:
            continue
        kids = _children(n)
        if not done:
            if id(n) in entered:  # met again on its own way down: it contains itself
                raise Refused(n.start_mark.line + 1, "an alias refers to the value that contains it")
            entered.add(id(n))
            stack.append((n, True))
            stack.extend((k, False) for k in kids if id(k) not in sizes)
            continue
        total = 1 + sum(sizes.get(id(k), MAX_YAML_NODES + 1) for k in kids)
        sizes[id(n)] = total
        if total > MAX_YAML_NODES:
            raise Refused(n.start_mark.line + 1, f"more than {MAX_YAML_NODES} values once aliases are expanded "
                                                   "(an alias bomb?)")


def _children(node) -> list:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [x for kv in node.value for x in kv]
    return []


def _construct_mapping(loader, node, deep=False):
    mapping = yaml.SafeLoader.construct_mapping(loader, node, deep=deep)
    mapping["__line__"] = node.start_mark.line + 1
    mapping["__lines__"] = {k.value: v.start_mark.line + 1 for k, v in node.value
                            if isinstance(k, yaml.ScalarNode)}
    return mapping


SafeLineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
