"""Reading inputs and writing reports safely.

Reading: every file factcheck reads (articles, sidecars, article rule files, rule files, config, baselines) is
opened here. Only regular files are read (a FIFO would block forever, a device never ends); at most `limit` bytes
are read, whatever the file claims its size is; a symbolic link is followed only when its target stays inside the
folder the input came from (`root`), so a committed `leak.txt -> /etc/passwd` is refused, not reported.

Writing: a temporary file in the target folder, then an atomic rename, with the permissions the umask gives (a
newsroom's web server must be able to read a report). Only a regular file or nothing is replaced: never an input of
the run, a symbolic link, a device, a FIFO or a folder.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from .display import clean
from .errors import FactcheckError, InputError


def inside(path: Path | str, root: Path | str) -> bool:
    """Whether path (already resolved) lies in root (already resolved), or is root."""
    p, r = str(path), str(root).rstrip(os.sep) or os.sep
    return p == r or p.startswith(r if r.endswith(os.sep) else r + os.sep)


def resolve_within(path: Path, root: Path | None, what: str = "file") -> Path:
    """The real path of `path`, refusing a link that leads out of `root` and a link loop."""
    name = clean(path)
    try:
        real = Path(os.path.realpath(path, strict=True))
    except FileNotFoundError:
        if os.path.islink(path):
            raise InputError(f"{name}: a symbolic link to nothing") from None
        raise InputError(f"{name}: no such {what}") from None
    except OSError as e:
        if e.errno == errno.ELOOP:
            raise InputError(f"{name}: a loop of symbolic links") from None
        raise InputError(f"{name}: cannot read ({e.strerror or e})") from None
    except RuntimeError:  # Python < 3.13 reports loops this way
        raise InputError(f"{name}: a loop of symbolic links") from None
    if root is not None:
        real_root = Path(os.path.realpath(root))
        if not inside(real, real_root):
            raise InputError(f"{name}: a symbolic link that leads out of {clean(root)} (to {clean(real)}); "
                             "refused")
    return real


def read_limited(path: Path, limit: int, root: Path | None = None, what: str = "file") -> bytes:
    """The bytes of a regular file of at most `limit` bytes. Raises InputError (one sentence) otherwise."""
    name = clean(path)
    real = resolve_within(Path(path), root, what)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(real, flags)
    except OSError as e:
        if e.errno == errno.EISDIR:
            raise InputError(f"{name}: is a folder, not {_a(what)}") from None
        raise InputError(f"{name}: cannot read ({e.strerror or e})") from None
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise InputError(f"{name}: is a folder, not {_a(what)}")
        if not stat.S_ISREG(st.st_mode):
            raise InputError(f"{name}: not a regular file ({_kind(st.st_mode)}); refused")
        if st.st_size > limit:
            raise InputError(f"{name}: {_size(st.st_size)} is more than the {_size(limit)} limit for {_a(what)}")
        chunks, total = [], 0
        while True:  # st_size is a claim, not a bound: read no more than limit + 1 bytes whatever it says
            try:
                chunk = os.read(fd, min(1 << 20, limit + 1 - total))
            except OSError as e:
                raise InputError(f"{name}: cannot read ({e.strerror or e})") from None
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise InputError(f"{name}: more than the {_size(limit)} limit for {_a(what)}")
        return b"".join(chunks)
    finally:
        os.close(fd)


def _a(what: str) -> str:
    return ("an " if what[:1] in "aeiou" else "a ") + what


def _size(n: int) -> str:
    if n >= 1 << 20:
        return f"{n / (1 << 20):.0f} MB"
    if n >= 1 << 10:
        return f"{n / (1 << 10):.0f} KB"
    return f"{n} bytes"


def _kind(mode: int) -> str:
    for test, word in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"), (stat.S_ISLNK, "a link")):
        if test(mode):
            return word
    return "not a regular file"


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def check_target(path: Path, protect: set[Path] | None = None) -> None:
    """Refuse to write a report over anything but a regular file (or nothing), and over any input of the run."""
    name = clean(path)
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        st = None
    except OSError as e:
        raise FactcheckError(f"{name}: cannot write the report ({e.strerror or e})") from None
    if st is not None:
        if stat.S_ISLNK(st.st_mode):
            raise FactcheckError(f"{name}: is a symbolic link; refusing to write a report over it")
        if stat.S_ISDIR(st.st_mode):
            raise FactcheckError(f"{name}: is a folder; refusing to write a report over it")
        if not stat.S_ISREG(st.st_mode):
            raise FactcheckError(f"{name}: {_kind(st.st_mode)}, not a regular file; refusing to write a report "
                                 "over it")
    real = Path(os.path.realpath(path))
    if protect and (real in protect or Path(os.path.abspath(path)) in protect):
        raise FactcheckError(f"{name}: refusing to overwrite an input of this run with a report")


class AtomicFile:
    """A report written piece by piece into a temporary file in the target folder, renamed into place by commit():
    a reader never sees half a report, an interrupted run (abort) leaves what was there before. The same checks
    as write_atomic, before the first byte and again just before the rename. Any failure is one FactcheckError."""

    def __init__(self, path: Path, protect: set[Path] | None = None) -> None:
        path = Path(path)
        self.path, self.protect, self.name = path, protect, clean(path)
        check_target(path, protect)
        for parent in path.parents:  # the nearest existing ancestor must be a folder
            if os.path.lexists(parent):
                if not os.path.isdir(parent):
                    raise FactcheckError(f"{self.name}: cannot write the report: {clean(parent)} is a file, not a "
                                         "folder")
                break
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except FileExistsError:
            raise FactcheckError(f"{self.name}: cannot write the report: {clean(path.parent)} is a file, not a "
                                 "folder") from None
        except OSError as e:
            raise FactcheckError(f"{self.name}: cannot write the report ({e.strerror or e})") from None
        import tempfile  # here: a report on standard output needs none (its import costs ~5 ms)

        try:
            fd, self.tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        except OSError as e:
            raise FactcheckError(f"{self.name}: cannot write the report ({e.strerror or e})") from None
        self.fh = os.fdopen(fd, "w", encoding="utf-8", newline="")

    def write(self, text: str) -> None:
        try:
            self.fh.write(text)
        except BaseException as e:
            self._fail(e)

    def commit(self) -> None:
        try:
            self.fh.close()
            os.chmod(self.tmp, 0o666 & ~_umask())  # mkstemp makes 0600; a report is for others to read
            check_target(self.path, self.protect)  # again, just before the rename: nothing was put there meanwhile
            os.replace(self.tmp, self.path)
        except BaseException as e:
            self._fail(e)

    def abort(self) -> None:
        try:
            self.fh.close()
        except OSError:
            pass
        try:
            os.unlink(self.tmp)
        except OSError:
            pass

    def _fail(self, e: BaseException):
        self.abort()
        if isinstance(e, OSError):
            raise FactcheckError(f"{self.name}: cannot write the report ({e.strerror or e})") from None
        raise e


def write_atomic(path: Path, text: str, protect: set[Path] | None = None) -> None:
    """Write text to path through a temporary file and an atomic rename. Any failure is one FactcheckError."""
    out = AtomicFile(path, protect)
    out.write(text)
    out.commit()
