"""PDF through LibreOffice: the Word report converted by `soffice --headless`."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

SOFFICE_NAMES = ("soffice", "libreoffice")
TIMEOUT_S = 180


class PdfUnavailableError(ValueError):
    """LibreOffice is not installed, or the conversion failed."""

    def __init__(self, message: str, *, place: str = "soffice") -> None:
        super().__init__(message)
        self.place = place


def soffice() -> str | None:
    """The LibreOffice program on PATH, or None."""
    for name in SOFFICE_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def docx_to_pdf(docx: bytes, *, program: str | None = None) -> bytes:
    """The PDF of a .docx, converted by LibreOffice in a private profile."""
    program = program or soffice()
    if program is None:
        raise PdfUnavailableError(
            "Không xuất được PDF: máy chưa cài LibreOffice (lệnh soffice). "
            "Hãy cài LibreOffice (apt-get install libreoffice-writer) "
            "hoặc xuất Word (--format docx) rồi in ra PDF."
        )
    with tempfile.TemporaryDirectory(prefix="chitieu-pdf-") as folder:
        work = Path(folder)
        source = work / "bao-cao.docx"
        source.write_bytes(docx)
        command = [
            program,
            f"-env:UserInstallation=file://{work / 'profile'}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(work),
            str(source),
        ]
        try:
            done = subprocess.run(command, capture_output=True, timeout=TIMEOUT_S, check=False)
        except (OSError, subprocess.TimeoutExpired) as error:
            raise PdfUnavailableError(f"LibreOffice không chuyển được sang PDF: {error}") from error
        target = work / "bao-cao.pdf"
        if done.returncode != 0 or not target.exists():
            detail = done.stderr.decode("utf-8", "replace").strip()[:300]
            raise PdfUnavailableError(
                f"LibreOffice không chuyển được sang PDF (mã {done.returncode}): {detail}"
            )
        return target.read_bytes()
