"""Solving a relation for its claim with sympy, in a child process with a hard budget of time and memory.

sympy has no step limit, and some relations a rule file may hold (abs(p-a)+abs(p-b)+abs(p-1)+abs(p-2) = p*2) keep
it busy for hours or make it raise NotImplementedError. So the solving happens in a child process: it parses the
relation again under the same whitelist (nothing from the file is ever passed to eval or sympify: the child
builds the sympy expression from the checked syntax tree), runs for at most TIMEOUT seconds with at most MEMORY
bytes, and returns the solution as text, which the parent parses under the whitelist once more. A process spends at
most BUDGET seconds solving in all; what does not fit is refused with a clear error.

The child: python -m factcheck.engine.solve, a JSON request on stdin, a JSON answer on stdout.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

TIMEOUT = 10.0  # seconds for one relation, sympy's import included (about 0.5 s)
BUDGET = 30.0  # seconds for all relations solved by one process
MEMORY = 1 << 30  # bytes of address space for the child, beyond what the interpreter and sympy need to start

_spent = 0.0


class SolveError(ValueError):
    pass


def solve(src: str, target: str) -> str:
    """The solution of relation `src` for `target`, as expression text. Raises SolveError (one sentence)."""
    global _spent
    if _spent >= BUDGET:
        raise SolveError(f"cannot solve the relation for {target}: this run has already spent its {BUDGET:.0f} s "
                         f"for solving relations; write it with {target} alone on one side")
    timeout = min(TIMEOUT, BUDGET - _spent)
    if not sys.executable:
        raise SolveError(f"cannot solve the relation for {target} here (no Python interpreter to run sympy in); "
                         f"write it with {target} alone on one side")
    env = dict(os.environ)
    env.pop("PYTHONSTARTUP", None)
    start = time.monotonic()
    try:
        out = subprocess.run([sys.executable, "-m", "factcheck.engine.solve"], input=json.dumps({"relation": src, "target": target}), capture_output=True,
                             text=True, timeout=timeout, env=env, check=False, cwd=_package_parent())
    except subprocess.TimeoutExpired:
        raise SolveError(f"solving the relation for {target} took more than {timeout:.0f} s and was stopped; "
                         f"write it with {target} alone on one side") from None
    except OSError as e:
        raise SolveError(f"cannot solve the relation for {target} ({e.strerror or e})") from None
    finally:
        _spent += time.monotonic() - start
    try:
        answer = json.loads(out.stdout)
    except ValueError:
        why = "out of memory" if "MemoryError" in out.stderr else f"exit status {out.returncode}"
        raise SolveError(f"cannot solve the relation for {target} ({why}); "
                         f"write it with {target} alone on one side") from None
    if "error" in answer:
        raise SolveError(str(answer["error"]))
    return str(answer["solution"])


def _package_parent() -> str:
    return os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def _child() -> int:
    try:
        import resource

        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        limit = MEMORY * 2 if hard == resource.RLIM_INFINITY else min(hard, MEMORY * 2)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ImportError, ValueError, OSError):
        pass
    request = json.loads(sys.stdin.read())
    try:
        text = _solve(str(request["relation"]), str(request["target"]))
        print(json.dumps({"solution": text}))
    except MemoryError:
        print(json.dumps({"error": f"cannot solve the relation for {request['target']}: out of memory"}))
    except Exception as e:  # noqa: BLE001 - every failure of sympy becomes one sentence for the parent
        target = request["target"]
        why = str(e).splitlines()[0][:200] if str(e) else type(e).__name__
        if isinstance(e, NotImplementedError):
            why = "sympy cannot solve this kind of relation"
        print(json.dumps({"error": f"cannot solve the relation for {target} ({why}); "
                                   f"write it with {target} alone on one side"}))
    return 0


def _solve(src: str, target: str) -> str:
    import ast

    import sympy

    from .expr import ExprError, parse_relation

    rel = parse_relation(src)
    syms: dict[str, sympy.Symbol] = {}

    def conv(node: ast.expr):
        if isinstance(node, ast.Constant):
            return sympy.Rational(str(node.value))
        if isinstance(node, ast.Name):
            return syms.setdefault(node.id, sympy.Symbol(node.id, positive=True))
        if isinstance(node, ast.UnaryOp):
            v = conv(node.operand)
            return -v if isinstance(node.op, ast.USub) else v
        if isinstance(node, ast.BinOp):
            a, b = conv(node.left), conv(node.right)
            return {ast.Add: lambda: a + b, ast.Sub: lambda: a - b, ast.Mult: lambda: a * b,
                    ast.Div: lambda: a / b}.get(type(node.op), lambda: a**b)()
        if isinstance(node, ast.Call):
            fn = node.func.id  # type: ignore[attr-defined]
            if fn in ("sum", "len") and len(node.args) == 1 and isinstance(node.args[0], ast.Name):
                key = f"{fn}__{node.args[0].id}"
                return syms.setdefault(key, sympy.Symbol(key, positive=True))
            args = [conv(a) for a in node.args]
            if not args:
                raise ExprError(f"{fn}() needs arguments")
            return {"sum": lambda: sympy.Add(*args), "abs": lambda: sympy.Abs(args[0]),
                    "min": lambda: sympy.Min(*args), "max": lambda: sympy.Max(*args),
                    "sqrt": lambda: sympy.sqrt(args[0]), "len": lambda: sympy.Integer(len(args))}[fn]()
        raise ExprError(f"cannot solve with {type(node).__name__}")

    eq = sympy.Eq(conv(rel.left), conv(rel.right))
    if target not in syms:
        raise ExprError(f"{target} does not occur in the relation")
    sols = sympy.solve(eq, syms[target])
    if len(sols) != 1:
        raise ExprError(f"{len(sols)} solutions")
    return str(sols[0])


if __name__ == "__main__":
    sys.exit(_child())
