"""The warm process behind `handout build`, `poster`, `booklet` and `check` (server.py).

What a user must not be able to tell, except by the time it takes: a command handed to
the server writes the bytes, the output and the messages a process of its own writes,
in the caller's folder, with the caller's environment, exit status and Ctrl-C. And
what the server must refuse: a runtime folder others may enter, Handout's files
changing under it. Each test's server lives in a runtime folder of its own and is
ended with it.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from pypdf import PdfReader

from conftest import BOOKLET, POSTER, REPO, copy_sample
from generated import dump, projects, write_project
from photos import real_programmes

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="the server is for Linux")

HANDOUT = str(Path(sys.executable).parent / "handout")
sys.path.insert(0, str(REPO / "benchmarks"))
from servers import Servers  # noqa: E402


class Served(Servers):
    """Commands in an environment whose server lives in a runtime folder of its own."""

    def __init__(self, **env: str):
        super().__init__(prefix="hs-")
        self.environment = self.env({**os.environ, **env})

    def run(self, *args: str, cwd: Path, alone: bool = False, timeout: float = 180, **env: str):
        environment = {**self.environment, **env, **({"HANDOUT_SERVER": "0"} if alone else {})}
        return subprocess.run([HANDOUT, *args], cwd=cwd, env=environment, capture_output=True,
                              text=True, timeout=timeout)

    def pid(self) -> int | None:
        pids = self.pids()
        return pids[0] if pids else None

    def start(self, project: Path) -> int:
        """Run a first command (alone, as there is no server yet), and wait for the server it starts."""
        return super().start(Path(HANDOUT), project, self.environment, seconds=90)

    def workers(self) -> set[int]:
        pid = self.pid()
        try:
            return {int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()}
        except (OSError, ValueError):
            return set()


def _server():
    server = Served()
    try:
        yield server
    finally:
        server.stop()


served = pytest.fixture(_server)
shared_server = pytest.fixture(scope="module", name="shared_server")(_server)


def pdfs(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.glob("*.pdf"))}


def same_as_alone(server: Served, project: Path, *args: str) -> dict[str, bytes]:
    """`args` through the server and in a process of its own: the same exit status,
    messages and PDF bytes (written to served/ and alone/); the PDFs."""
    for folder in ("served", "alone"):
        shutil.rmtree(project / folder, ignore_errors=True)
    one_file = args[0] != "build"  # -o names the file of `poster` and `booklet`
    served = server.run(*args, "-o", "served/one.pdf" if one_file else "served", cwd=project)
    alone = server.run(*args, "-o", "alone/one.pdf" if one_file else "alone", cwd=project, alone=True)
    assert served.returncode == alone.returncode, (served.stderr, alone.stderr)
    assert served.stderr == alone.stderr
    assert served.stdout.replace("served", "alone") == alone.stdout
    written = pdfs(project / "served")
    assert written == pdfs(project / "alone")
    assert served.returncode or len(written) == (1 if one_file else 2)
    return written


def test_programmes_built_by_the_server_are_the_bytes_of_a_process_of_their_own(served, tmp_path):
    """The sample, and the Spanish and German programmes with phone photos: built twice
    by the server (the second time by a worker that keeps the first build's work),
    each as poster + booklet, phone booklet and poster alone."""
    programmes = real_programmes(tmp_path / "p", size=(2016, 1512))
    served.start(programmes["sample"])
    for name, project in programmes.items():
        for args in (("build",), ("booklet", "--size", "phone"), ("poster",)):
            before = served.workers()
            same_as_alone(served, project, *args)
            same_as_alone(served, project, *args)
            assert served.workers() - before, f"{name} {args}: no worker of the server ran it"
        same_as_alone(served, project, "booklet")
        text = "".join(page.extract_text() for page in PdfReader(project / "served" / "one.pdf").pages)
        assert {"sample": "Hip Raise", "rodilla": "Puente", "schulter": "Außenrotation"}[name] in text


def test_a_mistake_reads_as_it_would_alone_and_leaves_the_last_good_output(served, tmp_path):
    project = copy_sample(tmp_path / "sample")
    served.start(project)
    assert served.run("build", cwd=project).returncode == 0
    good = pdfs(project / "out")
    exercise = project / "exercises" / "hip-raise.yaml"
    text = exercise.read_text(encoding="utf-8")
    exercise.write_text(text.replace("name:", "name: [unclosed", 1), encoding="utf-8")
    result = served.run("build", cwd=project)
    alone = served.run("build", cwd=project, alone=True)
    assert (result.returncode, result.stderr) == (1, alone.stderr)
    assert "hip-raise.yaml:" in result.stderr and "Traceback" not in result.stderr
    assert pdfs(project / "out") == good
    exercise.write_text(text, encoding="utf-8")  # mended: the same worker builds again
    result = served.run("build", cwd=project)
    assert result.returncode == 0
    assert served.run("build", "-o", "alone", cwd=project, alone=True).returncode == 0
    assert pdfs(project / "out") == pdfs(project / "alone")


def test_the_callers_folder_environment_and_options_are_the_commands(served, tmp_path):
    project = copy_sample(tmp_path / "there" / "sample")
    served.start(project)
    result = served.run("booklet", "there/sample", "--size", "phone", "-o", "phone.pdf", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "wrote phone.pdf\n" and (tmp_path / "phone.pdf").is_file()
    dates = {}
    for epoch in ("1700000000", "1800000000"):
        assert served.run("build", cwd=project, SOURCE_DATE_EPOCH=epoch).returncode == 0
        dates[epoch] = PdfReader(project / BOOKLET).metadata["/CreationDate"]
    assert dates["1700000000"].startswith("D:20231114") and dates["1800000000"].startswith("D:20270115")
    assert served.run("check", "--strict", "missing", cwd=tmp_path).returncode == 1


def test_ctrl_c_stops_the_command_and_the_worker_that_ran_it(served, tmp_path):
    project = tmp_path / "big"
    (project / "exercises").mkdir(parents=True)
    for n in range(250):
        (project / "exercises" / f"ex-{n:03d}.yaml").write_text(
            f"name: Ejercicio {n:03d}\nsteps: [De pie., Despacio., Respira.]\ndose: {{sets: 2, reps: 10}}\n",
            encoding="utf-8")
    (project / "handout.yaml").write_text(
        "title: Grande\nlanguage: es\nexercises:\n" + "".join(f"  - ex-{n:03d}\n" for n in range(250)),
        encoding="utf-8")
    served.start(project)
    command = subprocess.Popen([HANDOUT, "build"], cwd=project, env=served.environment, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 30
    while not served.workers() and time.monotonic() < deadline:
        time.sleep(0.02)
    (worker,) = served.workers()
    time.sleep(0.3)
    command.send_signal(signal.SIGINT)
    out, err = command.communicate(timeout=60)
    assert command.returncode == 1 and "Aborted" in err, err
    assert not list((project / "out").glob("*.pdf"))
    deadline = time.monotonic() + 10
    while worker in served.workers() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert worker not in served.workers()
    assert served.run("check", cwd=project).returncode == 0


def test_no_server_in_a_runtime_folder_others_may_enter(served, tmp_path):
    served.folder.mkdir(mode=0o755)
    served.folder.chmod(0o755)
    project = copy_sample(tmp_path / "sample")
    assert served.run("build", cwd=project).returncode == 0
    time.sleep(2)
    assert not list(served.folder.iterdir())


def test_an_upgrade_sets_the_server_aside(tmp_path):
    """A change to what Python imports from (here a folder on PYTHONPATH) ends the
    server at the next command, which runs alone; the server after it is a new one."""
    extra = tmp_path / "site"
    extra.mkdir()
    server = Served(PYTHONPATH=str(extra))
    project = copy_sample(tmp_path / "sample")
    try:
        first = server.start(project)
        assert server.run("build", cwd=project).returncode == 0
        assert server.workers()
        (extra / "upgraded.txt").write_text("a new version\n", encoding="utf-8")
        result = server.run("build", cwd=project)
        assert result.returncode == 0 and "wrote out/" in result.stdout
        assert server.wait({first}, seconds=90) != first
    finally:
        server.stop()


def test_a_file_restored_with_its_old_time_is_read_again(tmp_path):
    """A warm process keeps what it read by the file's state: an exercise replaced by
    another of the same size, its time set back (unzip, `cp -p`), is read again."""
    from click.testing import CliRunner

    from generator.cli import main

    project = copy_sample(tmp_path / "sample")
    exercise = project / "exercises" / "hip-raise.yaml"
    assert CliRunner().invoke(main, ["build", str(project)]).exit_code == 0
    info = exercise.stat()
    text = exercise.read_text(encoding="utf-8")
    exercise.write_text(text.replace("Hip Raise", "Hip Rises"), encoding="utf-8")
    os.utime(exercise, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert exercise.stat().st_size == info.st_size
    assert CliRunner().invoke(main, ["build", str(project)]).exit_code == 0
    text = "".join(page.extract_text() for page in PdfReader(project / BOOKLET).pages)
    assert "Hip Rises" in text and "Hip Raise" not in text
    assert "Hip Rises" in PdfReader(project / POSTER).pages[0].extract_text()


COMMON = dict(deadline=None, derandomize=True, print_blob=True,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                     HealthCheck.filter_too_much, HealthCheck.function_scoped_fixture])


def check_served_as_alone(server: Served, drawn: dict) -> None:
    with tempfile.TemporaryDirectory(prefix="handout-gen-") as tmp:
        root = write_project(Path(tmp) / "p", drawn)
        if server.pid() is None:
            server.start(root)
        same_as_alone(server, root, "build")
        first = sorted(drawn["exercises"])[0]
        content = dict(drawn["exercises"][first])
        content["cues"] = list(content.get("cues") or []) + ["Despacio, y respira"]
        dump(root / "exercises" / f"{first}.yaml", content)
        same_as_alone(server, root, "build")


@settings(max_examples=3, **COMMON)
@given(projects(max_exercises=6))
def test_generated_projects_built_by_the_server_as_alone_before_and_after_an_edit(shared_server, drawn):
    check_served_as_alone(shared_server, drawn)


@pytest.mark.slow
@settings(max_examples=int(os.environ.get("GENERATED_EXAMPLES", "60")), **{**COMMON, "derandomize": False})
@given(projects(max_exercises=10))
def test_many_generated_projects_built_by_the_server(shared_server, drawn):
    check_served_as_alone(shared_server, drawn)


def test_a_server_told_to_end_takes_its_socket_with_it_and_the_next_command_runs_alone(served, tmp_path):
    project = copy_sample(tmp_path / "sample")
    pid = served.start(project)
    assert served.run("build", cwd=project).returncode == 0
    (worker,) = served.workers()
    os.kill(pid, signal.SIGTERM)  # `pkill -f generator.server`
    deadline = time.monotonic() + 10
    while (list(served.folder.glob("*.pid")) or Path(f"/proc/{worker}").exists()) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not list(served.folder.glob("*.pid")) and not [p for p in served.folder.iterdir() if p.is_socket()]
    assert not Path(f"/proc/{worker}").exists() or "Z" in Path(f"/proc/{worker}/stat").read_text().split()[2]
    result = served.run("build", cwd=project)
    assert result.returncode == 0 and "wrote out/" in result.stdout
