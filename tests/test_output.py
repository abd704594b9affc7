"""Issue 14: a build never writes a broken PDF, and never writes where it should not."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

import pytest

from conftest import BOOKLET, POSTER

POSTER_NAME, BOOKLET_NAME = Path(POSTER).name, Path(BOOKLET).name


def built(cli, sample) -> dict[str, bytes]:
    """Build the sample once and return the PDFs' bytes: the last good files."""
    assert cli("build", cwd=sample).exit_code == 0
    return {name: (sample / name).read_bytes() for name in (POSTER, BOOKLET)}


def edit(sample) -> None:
    """A change that shows on both PDFs."""
    path = sample / "exercises/hip-raise.yaml"
    path.write_text(path.read_text().replace("name: Hip Raise", "name: Hip Lift"))


def unchanged(sample, before: dict[str, bytes]) -> bool:
    return all((sample / name).read_bytes() == data for name, data in before.items())


# --- never over a file of the project ------------------------------------------------------


@pytest.mark.parametrize("target", ["handout.yaml", "exercises/hip-raise.yaml"])
def test_poster_over_a_project_file_is_refused(cli, sample, target):
    before = (sample / target).read_bytes()
    result = cli("poster", "-o", target, cwd=sample)
    assert result.exit_code == 1
    assert f"cannot write {target}: it is one of the project's own files" in result.stderr
    assert (sample / target).read_bytes() == before


def test_booklet_over_a_picture_is_refused(cli, sample):
    picture = sample / "assets/images/hip-raise.svg"
    before = picture.read_bytes()
    result = cli("booklet", "-o", "assets/images/hip-raise.svg", cwd=sample)
    assert result.exit_code == 1
    assert "cannot write assets/images/hip-raise.svg: it is one of the project's own files" in result.stderr
    assert picture.read_bytes() == before


def test_a_file_that_is_not_a_pdf_is_never_replaced(cli, sample):
    notes = sample / "notes.txt"
    notes.write_text("my notes\n")
    result = cli("poster", "-o", "notes.txt", cwd=sample)
    assert result.exit_code == 1
    assert "cannot write notes.txt: a file that is not a PDF is there" in result.stderr
    assert notes.read_text() == "my notes\n"


def test_an_earlier_pdf_of_the_same_name_is_replaced(cli, sample):
    assert cli("poster", "-o", "wall.pdf", cwd=sample).exit_code == 0
    first = (sample / "wall.pdf").read_bytes()
    edit(sample)
    assert cli("poster", "-o", "wall.pdf", cwd=sample).exit_code == 0
    assert (sample / "wall.pdf").read_bytes()[:5] == b"%PDF-"
    assert (sample / "wall.pdf").read_bytes() != first


def test_a_device_is_refused(cli, sample):
    result = cli("poster", "-o", os.devnull, cwd=sample)
    assert result.exit_code == 1
    assert f"cannot write {os.devnull}: it is not an ordinary file" in result.stderr
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


def test_a_folder_given_as_the_poster_file_is_refused(cli, sample):
    (sample / "prints").mkdir()
    result = cli("poster", "-o", "prints", cwd=sample)
    assert result.exit_code == 1
    assert "cannot write prints: it is a folder; give a file name" in result.stderr


# --- never through a link that leaves the project -----------------------------------------


def test_an_out_link_leaving_the_project_is_refused(cli, sample, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (sample / "out").symlink_to(elsewhere)
    result = cli("build", cwd=sample)
    assert result.exit_code == 1
    assert f"cannot write {POSTER}: out leads outside the project (to {elsewhere})" in result.stderr
    assert list(elsewhere.iterdir()) == []
    # The same holds for one client's booklet in out/clients/.
    (sample / "clients.yaml").write_text("- name: Ann Lee\n  email: ann@example.com\n")
    result = cli("booklet", "--client", "Ann Lee", cwd=sample)
    assert result.exit_code == 1
    assert "leads outside the project" in result.stderr
    assert list(elsewhere.iterdir()) == []


def test_an_out_link_inside_the_project_is_followed(cli, sample):
    (sample / "pdfs").mkdir()
    (sample / "out").symlink_to("pdfs")
    assert cli("build", cwd=sample).exit_code == 0
    assert (sample / "pdfs" / POSTER_NAME).read_bytes()[:5] == b"%PDF-"


def test_an_output_folder_the_user_chose_may_be_anywhere(cli, sample, tmp_path):
    result = cli("build", "-o", str(tmp_path / "prints"), cwd=sample)
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "prints" / BOOKLET_NAME).is_file()


# --- every output problem is `cannot write PATH: reason` ----------------------------------


def test_an_output_folder_that_is_a_file(cli, sample):
    (sample / "afile").write_text("x")
    result = cli("build", "-o", "afile", cwd=sample)
    assert result.exit_code == 1
    assert f"cannot write afile/{POSTER_NAME}: afile is a file, not a folder" in result.stderr
    (sample / "out").write_text("not a folder")
    result = cli("build", cwd=sample)
    assert result.exit_code == 1
    assert f"cannot write {POSTER}: out is a file, not a folder" in result.stderr
    assert (sample / "out").read_text() == "not a folder"


def test_an_unwritable_folder(cli, sample):
    if os.geteuid() != 0:
        locked = sample / "locked"
        locked.mkdir()
        locked.chmod(0o500)
        try:
            result = cli("build", "-o", "locked", cwd=sample)
        finally:
            locked.chmod(0o700)
        assert result.exit_code == 1
        assert f"cannot write locked/{POSTER_NAME}: no permission to write in locked" in result.stderr
        assert list(locked.iterdir()) == []
        return
    # root may write in any folder; /proc takes no new files even from root.
    if not Path("/proc/self").is_dir():
        pytest.skip("needs /proc when running as root")
    result = cli("poster", "-o", "/proc/handout-test.pdf", cwd=sample)
    assert result.exit_code == 1
    assert "cannot write /proc/handout-test.pdf: " in result.stderr


@pytest.mark.parametrize("command", ["build", "poster", "booklet"])
def test_an_empty_output_path(cli, sample, command):
    result = cli(command, "-o", "", cwd=sample)
    assert result.exit_code == 1
    assert "cannot write '': the path is empty" in result.stderr
    assert not any(p.suffix == ".pdf" for p in sample.rglob("*"))


def test_a_failed_write_leaves_the_other_pdf_old_and_no_temp_files(cli, sample, monkeypatch):
    before = built(cli, sample)
    edit(sample)
    from generator import output

    real = output._write_temp

    def disk_full_on_booklet(path, data):
        if path.name.endswith("-booklet.pdf"):
            raise output.CannotWrite(path, "no space left on device")
        return real(path, data)

    monkeypatch.setattr(output, "_write_temp", disk_full_on_booklet)
    result = cli("build", cwd=sample)
    assert result.exit_code == 1
    assert f"cannot write {BOOKLET}: no space left on device" in result.stderr
    assert unchanged(sample, before)  # the poster was written but not renamed into place
    assert sorted(p.name for p in (sample / "out").iterdir()) == [BOOKLET_NAME, POSTER_NAME]


# --- temp files of a killed build ------------------------------------------------------------


def test_stale_temp_files_are_removed_and_others_kept(cli, sample):
    out = sample / "out"
    out.mkdir()
    stale = [out / f".{POSTER_NAME}.k1ll3d_x.tmp", out / f".{BOOKLET_NAME}.a8b_c9de.tmp"]
    for path in stale:
        path.write_bytes(b"%PDF-1.4 half a file")
    keep = out / ".notes.tmp"
    keep.write_text("mine")
    assert cli("build", cwd=sample).exit_code == 0
    assert not any(path.exists() for path in stale)
    assert keep.read_text() == "mine"
    assert sorted(p.name for p in out.iterdir()) == sorted([".notes.tmp", POSTER_NAME, BOOKLET_NAME])


def test_a_temp_file_a_running_build_holds_is_left_alone(sample):
    fcntl = pytest.importorskip("fcntl")
    from generator.output import remove_stale_temps

    out = sample / "out"
    out.mkdir()
    live = out / f".{POSTER_NAME}.r7nn1ng_.tmp"
    with live.open("wb") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        remove_stale_temps(out / POSTER_NAME)
        assert live.exists()
    remove_stale_temps(out / POSTER_NAME)
    assert not live.exists()


# --- never a broken PDF -------------------------------------------------------------------


# The page named is the first drawn with a picture (the booklet's cover is drawn last);
# with `layout: half`, pages end at frame breaks inside platypus's own handlers.
@pytest.mark.parametrize("command, refused, half", [("build", POSTER, False), ("booklet", BOOKLET, False),
                                                    ("booklet", BOOKLET, True)])
def test_a_nan_drawn_into_the_pdf_fails_and_keeps_the_last_good_pdfs(cli, sample, monkeypatch, command,
                                                                     refused, half):
    if half:
        text = (sample / "handout.yaml").read_text(encoding="utf-8")
        (sample / "handout.yaml").write_text(text.replace("booklet:", "booklet:\n  layout: half", 1)
                                             if "booklet:" in text else text + "\nbooklet: {layout: half}\n",
                                             encoding="utf-8")
    before = built(cli, sample)
    from generator.images import Picture

    draw = Picture.draw

    def draw_at_nan(self, canv, *args, **kwargs):
        canv.line(0, 0, float("nan"), 10)
        return draw(self, canv, *args, **kwargs)

    monkeypatch.setattr(Picture, "draw", draw_at_nan)
    _as_a_new_process(monkeypatch)
    result = cli(command, cwd=sample)
    assert result.exit_code == 1
    assert re.search(f"{refused}: not written, the last good file is kept: page [0-9]+ would hold a number "
                     r"that is not finite \(nan\)", result.stderr), result.stderr
    assert "Traceback" not in result.stderr
    assert unchanged(sample, before)
    assert sorted(p.name for p in (sample / "out").iterdir()) == sorted([POSTER_NAME, BOOKLET_NAME])


def test_a_nan_in_a_form_is_found(tmp_path):
    """The booklet draws its "of N" footers as forms; they are checked like pages."""
    from generator.output import BrokenPdf, HandoutCanvas

    canv = HandoutCanvas(str(tmp_path / "form.pdf"))
    canv.beginForm("total")
    canv.line(0, 0, 10, float("nan"))
    with pytest.raises(BrokenPdf, match=r"a part drawn on page 1 would hold a number that is not finite"):
        canv.endForm()


def test_a_bleed_that_is_not_a_number_fails_and_keeps_the_poster(cli, sample):
    before = built(cli, sample)
    result = cli("poster", "--bleed", "nan", cwd=sample)
    assert result.exit_code == 1
    assert "the size of page 1 would hold a number that is not finite (nan)" in result.stderr
    assert unchanged(sample, before)


def _as_a_new_process(monkeypatch):
    """Drawing is patched after a good build: nothing that build drew may be written
    again from its operators (layout.replay), as in a new process."""
    from generator.layout import booklet, poster

    monkeypatch.setattr(poster, "_CARDS_DRAWN", {})
    monkeypatch.setattr(booklet, "_SHARED", {})


def test_a_huge_number_reportlab_refuses_is_a_message(cli, sample, monkeypatch):
    before = built(cli, sample)
    from generator.images import Picture

    monkeypatch.setattr(Picture, "draw", lambda self, canv, *a, **k: canv.line(0, 0, 1e300, 1))
    _as_a_new_process(monkeypatch)
    result = cli("poster", cwd=sample)
    assert result.exit_code == 1
    assert "would hold a number that is not finite (1e+300)" in result.stderr
    assert unchanged(sample, before)


def test_words_like_nan_and_inf_in_the_text_are_not_numbers(cli, sample):
    path = sample / "exercises/hip-raise.yaml"
    path.write_text(path.read_text().replace("name: Hip Raise", "name: nan inf -inf (nan) Infinity"))
    result = cli("build", cwd=sample)
    assert result.exit_code == 0, result.stderr


def test_the_finite_check_reads_pdf_code_not_text():
    from generator.output import non_finite

    assert non_finite("1 0 0 1 nan 3 cm") == "nan"
    assert non_finite(b"[0 0 -inf 842]") == "-inf"
    assert non_finite("BT (nan \\) inf) Tj ET /nan <6e616e> 0 0 m banana l") is None
    assert non_finite(b"BI /W 1 ID a(nan ~> EI 1 0 0 1 0 0 cm") is None


def test_a_client_batch_removes_a_killed_batchs_temp_files_once(sample, monkeypatch):
    """The folder is listed once for the whole list, not once a booklet."""
    from generator import output
    from generator.batch import build_booklets, prepare

    (sample / "clients.yaml").write_text(
        "".join(f"- name: Client {n}\n  email: c{n}@example.com\n" for n in range(5)), encoding="utf-8")
    out = sample / "out" / "clients"
    out.mkdir(parents=True)
    stale = out / ".ultimate-back-workout-client-3.pdf.k1ll3d_x.tmp"
    stale.write_bytes(b"%PDF-1.4 half a file")
    mine = out / ".ultimate-back-workout-client-3.pdf.notes.tmp.bak"
    mine.write_text("mine")
    listed = []
    listdir = os.listdir
    monkeypatch.setattr(output.os, "listdir", lambda folder: listed.append(folder) or listdir(folder))
    project, clients, epoch = prepare(sample, None)
    outcomes = list(build_booklets(sample, clients, project, epoch, jobs=1))
    assert all(o.error is None for o in outcomes) and len(outcomes) == 5
    assert not stale.exists() and mine.read_text() == "mine"
    assert listed == [out]
    assert len(list(out.glob("*.pdf"))) == 5
