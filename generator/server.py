"""The warm process behind `handout build`, `poster`, `booklet` and `check` (launch.py
says why and how a command reaches it).

One process, started in the background by the first command that found none, imports
everything a build needs and builds Handout's own starter project once (so Jinja's
compiler, the fonts and the drawing code are warm), then waits on the socket. It runs no
command itself: each project's commands are run by a worker forked from it, which keeps
what it learnt (layouts, drawings, rendered templates, exactly as `handout watch` does)
for that project's next command. A worker serves one project folder and command line
only, so no project ever runs beside another's data.

A worker runs a command as a fresh process would: in the caller's folder, with the
caller's environment, umask and terminal (its stdin, stdout and stderr, passed over the
socket), and sends back the exit status. A worker whose command failed unexpectedly (a
traceback, Ctrl-C) ends, and the next command gets a fresh one. Workers and the server
end after 20 idle minutes; the server stands aside when Handout's own files change.
"""

from __future__ import annotations

import gc
import os
import select
import signal
import socket
import sys
import time
from pathlib import Path

from .launch import _Lines, message

IDLE_SECONDS = 20 * 60
WORKERS = 4  # projects kept warm at once; the least recently used one ends first


def serve(path: str) -> None:
    """The server, listening at `path` (its folder is the runtime folder, made by launch.py)."""
    try:
        _quiet_signals()
        _warm_up()
        stamp = fingerprint()
        listener = _listen(path)
        # Only once it listens: a server that cannot start leaves the mark, so commands
        # try again a minute later rather than each start one more in vain.
        _remove(path + ".starting")
        Server(path, listener, stamp).loop()
    finally:
        os._exit(0)


def _quiet_signals() -> None:
    # The launcher forwards a Ctrl-C to the worker running the command; the server and
    # an idle worker, in a session of their own, should never see one. Told to end
    # (`pkill -f generator.server`), the server takes its socket with it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGHUP, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(0))


def _warm_up() -> None:
    """Import what a build uses and build the starter project once, in a folder and a
    cache of its own, so that the first command of each project starts warm."""
    import tempfile

    from . import build, cli, collect_garbage_rarely, images, rendercache, starter, watch  # noqa: F401
    from .layout import booklet, poster  # noqa: F401

    collect_garbage_rarely()
    before = os.environ.get("HANDOUT_CACHE_DIR")
    with tempfile.TemporaryDirectory(prefix="handout-warm-up-") as folder:
        os.environ["HANDOUT_CACHE_DIR"] = str(Path(folder) / "cache")
        try:
            starter.create(Path(folder) / "project")
            build.build(Path(folder) / "project")
        except Exception:  # a warm-up that fails leaves a colder server, nothing worse
            pass
        finally:
            rendercache.drain()
            if before is None:
                del os.environ["HANDOUT_CACHE_DIR"]
            else:
                os.environ["HANDOUT_CACHE_DIR"] = before
    images.end_pool()  # threads are not copied by fork: none may be running
    gc.collect()
    gc.freeze()  # what the server made stays untouched in each worker's copy of it


def fingerprint() -> list[tuple]:
    """Handout's own files (code, templates, fonts) and the folders Python imports from:
    their names, sizes and times. Different once Handout or a library is upgraded.
    Taken at every command, so kept plain (~2 ms)."""
    from .fonts import font_dir
    from .templates import builtin_dir

    found: list[tuple] = []
    folders = [str(Path(__file__).parent), str(builtin_dir()), str(font_dir())]
    try:
        while folders:
            with os.scandir(folders.pop()) as entries:
                for entry in entries:
                    if entry.is_dir(follow_symlinks=False):
                        if entry.name != "__pycache__":
                            folders.append(entry.path)
                    else:
                        info = entry.stat(follow_symlinks=False)
                        found.append((entry.path, info.st_size, info.st_mtime_ns))
    except OSError:  # Handout's own folders gone (uninstalled): nothing matches this
        return []
    for entry in sys.path:
        try:
            found.append((entry, os.stat(entry or os.curdir).st_mtime_ns))
        except OSError:
            pass
    return found


def _listen(path: str) -> socket.socket:
    """Listen at `path`, put in place in one rename: a server found stale by the
    launcher (its socket left behind) is replaced, never half-replaced."""
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    fresh = f"{path}.{os.getpid()}"
    _remove(fresh)
    listener.bind(fresh)
    listener.listen(16)
    os.rename(fresh, path)
    with open(path + ".pid", "w", encoding="ascii") as pid_file:
        pid_file.write(f"{os.getpid()}\n")
    return listener


def running(folder: Path) -> list[int]:
    """The process ids of the servers listening in a runtime folder (for tests and
    benchmarks, which give a server a folder of its own and end it afterwards)."""
    found = []
    for pid_file in folder.glob("server-*.pid"):
        try:
            if pid_file.with_suffix("").is_socket():
                found.append(int(pid_file.read_text(encoding="ascii")))
        except (OSError, ValueError):
            pass
    return found


def _remove(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


class _Worker:
    def __init__(self, pid: int, channel: socket.socket):
        self.pid = pid
        self.channel = channel
        self.used = time.monotonic()


class Server:
    def __init__(self, path: str, listener: socket.socket, stamp: list[tuple]):
        self.path = path
        self.listener = listener
        self.stamp = stamp
        self.inode = os.stat(path).st_ino
        self.workers: dict[tuple, _Worker] = {}
        self.used = time.monotonic()

    def loop(self) -> None:
        try:
            while self._ours() and time.monotonic() - self.used < IDLE_SECONDS:
                channels = {worker.channel: key for key, worker in self.workers.items()}
                ready, _, _ = select.select([self.listener, *channels], [], [], 30)
                for channel in ready:
                    if channel is not self.listener:
                        self._end(channels[channel])  # a worker wrote or closed: it has ended
                if self.listener in ready and not self._accept():
                    break
                self._reap()
        finally:
            if self._ours():
                _remove(self.path)
                _remove(self.path + ".pid")
            for key in list(self.workers):
                self._end(key)

    def _ours(self) -> bool:
        """Whether the socket file is still this server's (a newer one may have taken it)."""
        try:
            return os.stat(self.path).st_ino == self.inode
        except OSError:
            return False

    def _accept(self) -> bool:
        """Take one command; False when this server should end (Handout changed)."""
        connection, _ = self.listener.accept()
        fds: list[int] = []
        try:
            if not _same_user(connection):
                return True
            connection.settimeout(10)
            request, fds = _receive(connection, 3)
            if fingerprint() != self.stamp:
                connection.sendall(message({"declined": "Handout's files changed", "restart": True}))
                return False
            self.used = time.monotonic()
            key = _request_key(request)
            for attempt in range(2):
                worker = self.workers.get(key) or self._fork(key, [connection.fileno(), *fds])
                try:
                    data = message(request)
                    sent = socket.send_fds(worker.channel, [data], [connection.fileno(), *fds])
                    worker.channel.sendall(data[sent:])
                except OSError:  # it ended in between: a fresh one
                    self._end(key)
                    continue
                worker.used = time.monotonic()
                break
            return True
        except (OSError, ValueError, EOFError):
            return True
        finally:
            connection.close()
            for fd in fds:
                os.close(fd)

    def _fork(self, key: tuple, passing: list[int]) -> _Worker:
        while len(self.workers) >= WORKERS:
            self._end(min(self.workers, key=lambda k: self.workers[k].used))
        ours, theirs = socket.socketpair()
        pid = os.fork()
        if pid == 0:
            try:
                signal.signal(signal.SIGTERM, signal.SIG_DFL)  # a worker ends at once, mid-command or not
                self.listener.close()
                ours.close()
                for fd in passing:  # the command's own copies come through the channel
                    os.close(fd)
                for worker in self.workers.values():
                    worker.channel.close()
                work(theirs)
            finally:
                os._exit(0)
        theirs.close()
        worker = self.workers[key] = _Worker(pid, ours)
        return worker

    def _end(self, key: tuple) -> None:
        worker = self.workers.pop(key, None)
        if worker is not None:
            worker.channel.close()  # an idle worker sees the end of its channel and ends

    def _reap(self) -> None:
        try:
            while os.waitpid(-1, os.WNOHANG)[0]:
                pass
        except ChildProcessError:
            pass


def _same_user(connection: socket.socket) -> bool:
    import struct

    credentials = connection.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i"))
    return struct.unpack("3i", credentials)[1] == os.getuid()


def _receive(connection: socket.socket, fd_count: int) -> tuple[dict, list[int]]:
    """One request: its message and the descriptors passed with its first bytes."""
    data, fds, _, _ = socket.recv_fds(connection, 4, fd_count)
    if not data:
        raise EOFError
    reader = _Lines(connection)
    reader.buffer = data
    request = reader.message()
    if not isinstance(request, dict):
        raise ValueError("not a request")
    return request, list(fds)


def _request_key(request: dict) -> tuple:
    args = request.get("args")
    if not isinstance(args, list) or not all(isinstance(arg, str) for arg in args):
        raise ValueError("not a command line")
    return (str(request.get("cwd")), tuple(args))


def work(channel: socket.socket) -> None:
    """A worker: run each command the server passes on, until idle, told to end, or a
    command ends unexpectedly."""
    while True:
        ready, _, _ = select.select([channel], [], [], IDLE_SECONDS)
        if not ready:
            return
        try:
            request, fds = _receive(channel, 4)
        except (OSError, ValueError, EOFError):
            return
        connection = socket.socket(fileno=fds[0])
        try:
            keep = run_request(request, connection, fds[1:])
        finally:
            connection.close()
        if not keep:
            return


def run_request(request: dict, connection: socket.socket, stdio: list[int]) -> bool:
    """Run one command as the caller's own process would, then put everything back.
    Whether this worker may run the next: not after a traceback or a Ctrl-C, which may
    have left what it keeps half made."""
    from .cli import command

    home = os.getcwd()
    saved = (dict(os.environ), sys.stdin, sys.stdout, sys.stderr)
    try:
        os.chdir(request["cwd"])
        for target, fd in enumerate(stdio):
            os.dup2(fd, target)
        streams = [_stream(fd, setting) for fd, setting in enumerate(request["streams"])]
        mask = os.umask(request["umask"])
    except (OSError, LookupError, TypeError, ValueError):
        os.chdir(home)
        _let_go_of_terminal()
        connection.sendall(message({"declined": "cannot take the caller's folder and terminal"}))
        return True
    finally:
        for fd in stdio:
            os.close(fd)
    sys.stdin, sys.stdout, sys.stderr = streams
    os.environ.clear()
    os.environ.update(request["env"])
    time.tzset()  # the caller's TZ for local times, as its own process would have read it
    code, keep = 1, False
    interrupted = []

    def interrupt(signum, frame):
        interrupted.append(signum)
        raise KeyboardInterrupt

    try:
        signal.signal(signal.SIGINT, interrupt)
        connection.sendall(message({"pid": os.getpid()}))
        code = command(request["args"])
        keep = not interrupted
    except BaseException:  # what an uncaught exception does to a process of its own
        import traceback

        traceback.print_exc()
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        for stream in streams:
            try:
                stream.flush()
            except (AttributeError, OSError, ValueError):
                pass
        _let_go_of_terminal()
        os.environ.clear()
        os.environ.update(saved[0])
        time.tzset()
        sys.stdin, sys.stdout, sys.stderr = saved[1:]
        os.umask(mask)
        os.chdir(home)
    try:
        connection.sendall(message({"exit": code}))
    except OSError:
        pass
    return keep


def _let_go_of_terminal() -> None:
    """/dev/null for stdin, stdout and stderr again, so a pipe reading the caller's
    output sees its end when the command ends, not when this worker does."""
    null = os.open(os.devnull, os.O_RDWR)
    for target in (0, 1, 2):
        os.dup2(null, target)
    os.close(null)


def _stream(fd: int, setting):
    """A text stream on `fd` as the caller's Python had it (encoding, errors, buffering)."""
    if setting is None:
        return None
    encoding, errors = setting
    line = fd == 2 or (fd == 1 and os.isatty(fd))
    return open(fd, "r" if fd == 0 else "w", buffering=1 if line else -1, encoding=encoding,
                errors=errors, closefd=False)
