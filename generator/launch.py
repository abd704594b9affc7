"""The `handout` command's first step: hand the command to a warm Handout process.

Before Handout can draw a page, Python must import ReportLab, Jinja, PyYAML and Click
(~200 ms on a 2-core machine, more than Typst's whole build of the sample). So on Linux,
`build`, `poster`, `booklet` and `check` are handed to a process that has already done
that (generator/server.py), and this one only passes on the command line, the current
folder, the environment and its own terminal (stdin, stdout, stderr), then waits for
the exit status. The command writes to the terminal itself, so its output and errors
read exactly as when it runs here.

The server is the user's own: its socket lives in a folder only the user can open
($XDG_RUNTIME_DIR/handout, else /tmp/handout-UID, refused if anyone else owns it or can
enter it), and it answers only the user's processes. Each project's commands run in a
process of their own, never beside another project's. When there is no server yet, or
anything is amiss, the command runs here as it always did, and the first such run starts
the server in the background for the next; it ends after 20 idle minutes, and whenever
Handout's own files change (an upgrade) it stands aside. `HANDOUT_SERVER=0` turns it off.

This module runs in every `handout` command, so it imports only what Python has built
in: `_socket` and `_signal` rather than `socket` and `signal`, whose enumerations alone
cost ~10 ms.
"""

from __future__ import annotations

import marshal
import os
import sys

SERVED = frozenset({"build", "poster", "booklet", "check"})
SOCKET = "server-{key}"  # in the runtime folder; `{key}.pid` beside it names the process
# A socket's path holds at most 107 bytes on Linux: the folder, a name of 27 and a
# process id for the moment it is put in place.
_LONGEST_FOLDER = 70
_OFF = frozenset({"0", "off", "no", "false"})
# Environment variables read when modules are imported (ReportLab's RL_*, Python's own,
# the locale, Handout's): a server started under other values is another server.
_KEYED_PREFIXES = ("PYTHON", "RL_", "HANDOUT_", "LC_")
_KEYED_NAMES = ("LANG", "LANGUAGE", "HOME", "XDG_CACHE_HOME", "TMPDIR")


def run() -> None:
    """The console script."""
    code = served(sys.argv[1:])
    if code is None:
        from .cli import run as run_here

        run_here()
    os._exit(code)


def enabled(args: list[str]) -> bool:
    return (bool(args) and args[0] in SERVED and sys.platform == "linux"
            and os.environ.get("HANDOUT_SERVER", "").strip().lower() not in _OFF)


def served(args: list[str]) -> int | None:
    """The exit status of `args` run by the server; None when it should run here."""
    if not enabled(args):
        return None
    folder = runtime_folder()
    if folder is None:
        return None
    import _socket

    path = os.path.join(folder, SOCKET.format(key=server_key()))
    connection = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
    try:
        connection.connect(path)
    except OSError:
        connection.close()
        start_server(path)
        return None
    try:
        return _relay(connection, args, path)
    finally:
        connection.close()


def runtime_folder() -> str | None:
    """The user's own folder for the server's socket, made if need be; None unless it is
    a real folder (not a link), owned by this user, that no one else may enter."""
    base = os.environ.get("XDG_RUNTIME_DIR", "")
    uid = os.getuid()
    folder = os.path.join(base, "handout")
    if not os.path.isabs(base) or len(folder) > _LONGEST_FOLDER:
        folder = os.path.join(os.environ.get("TMPDIR") or "/tmp", f"handout-{uid}")
        if len(folder) > _LONGEST_FOLDER:
            folder = f"/tmp/handout-{uid}"
    try:
        os.mkdir(folder, 0o700)
    except FileExistsError:
        pass
    except OSError:
        return None
    try:
        info = os.lstat(folder)
    except OSError:
        return None
    import stat

    if not stat.S_ISDIR(info.st_mode) or info.st_uid != uid or info.st_mode & 0o077:
        return None
    return folder


def server_key() -> str:
    """Which server: the same Python, the same Handout, the same import-time settings."""
    from _blake2 import blake2b

    settings = sorted((name, value) for name, value in os.environ.items()
                      if name.startswith(_KEYED_PREFIXES) or name in _KEYED_NAMES)
    seen = repr((sys.executable, os.path.dirname(os.path.abspath(__file__)), sys.path, settings))
    return blake2b(seen.encode("utf-8", "surrogatepass"), digest_size=10).hexdigest()


def start_server(path: str) -> None:
    """Start the server in the background for the next command, unless one was started
    in the last minute (and is warming up, or could not start: its mark stays).
    It shares nothing with this process: its own session, /dev/null for its terminal,
    the runtime folder as its current folder (so no project's files are on its path)."""
    marker = path + ".starting"
    try:
        os.close(os.open(marker, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except FileExistsError:
        try:
            import time

            if time.time() - os.stat(marker).st_mtime < 60:
                return  # another command is starting it
            os.utime(marker)
        except OSError:
            return
    except OSError:
        return
    import subprocess

    package_parent = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    # `-c` puts the current folder first on the import path: the runtime folder here,
    # replaced by Handout's own folder when Handout is not installed (`python -m generator`).
    on_path = any(os.path.realpath(entry or os.curdir) == os.path.realpath(package_parent)
                  for entry in sys.path)
    first = [] if on_path else [package_parent]
    code = f"import sys; sys.path[0:1] = {first!r}; from generator.server import serve; serve({path!r})"
    try:
        subprocess.Popen([sys.executable, "-c", code], cwd=os.path.dirname(path), stdin=subprocess.DEVNULL,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    except OSError:
        try:
            os.unlink(marker)
        except OSError:
            pass


def _relay(connection, args: list[str], path: str) -> int | None:
    """Send the command, forward Ctrl-C and friends to the process running it, and wait
    for its exit status. None (run it here) if the server declined before starting it."""
    import _socket
    import _signal

    try:
        cwd = os.getcwd()
        mask = os.umask(0)
        os.umask(mask)
        streams = [(stream.encoding, stream.errors) if stream is not None else None
                   for stream in (sys.stdin, sys.stdout, sys.stderr)]
        request = marshal.dumps({"args": args, "cwd": cwd, "env": dict(os.environ), "umask": mask,
                                 "streams": streams})
        fds = b"".join(fd.to_bytes(4, sys.byteorder, signed=True) for fd in (0, 1, 2))
        connection.sendmsg([len(request).to_bytes(4, "big")],
                           [(_socket.SOL_SOCKET, _socket.SCM_RIGHTS, fds)])
        connection.sendall(request)
        reader = _Lines(connection)
        answer = reader.message()
    except (OSError, ValueError, EOFError):
        return None  # no server to speak to, or a closed terminal stream: run here
    if not isinstance(answer, dict) or "pid" not in answer:
        if isinstance(answer, dict) and answer.get("restart"):  # Handout was upgraded
            start_server(path)
        return None  # the server declined: run here
    pid = answer["pid"]

    def forward(signum, frame):
        try:
            os.kill(pid, signum)
        except OSError:
            pass

    for signum in (_signal.SIGINT, _signal.SIGTERM, _signal.SIGHUP, _signal.SIGQUIT):
        if _signal.getsignal(signum) != _signal.SIG_IGN:  # one this command ignores, it ignores
            _signal.signal(signum, forward)
    try:
        answer = reader.message()
    except (OSError, ValueError, EOFError):
        answer = None
    if not isinstance(answer, dict) or not isinstance(answer.get("exit"), int):
        print("handout: the process running this command ended before it did; "
              "run it again, or set HANDOUT_SERVER=0 to run commands in their own process",
              file=sys.stderr)
        return 1
    return answer["exit"]


class _Lines:
    """Length-prefixed marshal messages from a stream socket."""

    def __init__(self, connection):
        self.connection = connection
        self.buffer = b""

    def _take(self, size: int) -> bytes:
        while len(self.buffer) < size:  # never past this message: the next one's descriptors come with it
            chunk = self.connection.recv(size - len(self.buffer))
            if not chunk:
                raise EOFError
            self.buffer += chunk
        taken, self.buffer = self.buffer[:size], self.buffer[size:]
        return taken

    def message(self):
        return marshal.loads(self._take(int.from_bytes(self._take(4), "big")))


def message(value) -> bytes:
    """`value` as one message for `_Lines`."""
    data = marshal.dumps(value)
    return len(data).to_bytes(4, "big") + data
