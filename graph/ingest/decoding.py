"""Bytes -> text for ingest: UTF-8 always, legacy encodings for text and HTML files.

``decode_bytes`` takes UTF-8 only (JSON is UTF-8 by definition). ``decode_text`` takes UTF-8
first and otherwise lets charset-normalizer detect the encoding (honouring an HTML ``<meta
charset>`` or XML declaration), returning a warning ``Problem`` that names it. Offsets
index the decoded text. May import records, errors and hygiene, plus charset-normalizer.
"""

from __future__ import annotations

from graph.errors import IngestError
from graph.ingest.hygiene import sniff_binary
from graph.records import Problem

# charset-normalizer often ranks a DOS or sibling code page first on short or accent-poor
# text (cp775 for English, cp1250 turning "à" into "ŕ"). Among readings it finds equally
# clean, the encodings browsers support (the WHATWG Encoding Standard's legacy encodings)
# win, and of those Windows-1252, the web's default for Western text (WHATWG reads
# "latin-1" labels as it too): this reader is for English news first.
PREFERRED_LEGACY = "cp1252"
WEB_ENCODINGS = frozenset(
    ["cp866", "koi8_r", "koi8_u", "mac_roman", "mac_cyrillic", "cp874", "gbk", "gb18030", "big5"]
    + ["euc_jp", "iso2022_jp", "shift_jis", "cp932", "euc_kr", "cp949", "utf_16_be", "utf_16_le"]
    + [f"cp125{n}" for n in range(9)]
    + [f"iso8859_{n}" for n in (2, 3, 4, 5, 6, 7, 8, 10, 13, 14, 15, 16)]
)
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def decode_bytes(data: bytes, where: str) -> str:
    """Decode UTF-8 (with or without BOM).

    :raises IngestError: for binary data, or bytes that are not UTF-8 (naming the byte offset).
    """
    binary = sniff_binary(data)
    if binary:
        raise IngestError(f"{where}: {binary}")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bad = data[exc.start : exc.start + 8]
        raise IngestError(f"{where}: not valid UTF-8 at byte {exc.start} ({bad!r}); expected UTF-8 text") from None


def decode_text(data: bytes, where: str) -> tuple[str, Problem | None]:
    """Decode a text or HTML file: UTF-8 (or UTF-16 with a BOM) as is, any other encoding
    as charset-normalizer detects it.

    :returns: the text, and a warning naming the detected encoding when it was not UTF-8.
    :raises IngestError: for binary data, or bytes no encoding reads cleanly.

    >>> decode_text("Café owners said “no”.".encode("cp1252"), "a.txt")
    ('Café owners said “no”.', Problem(where='a.txt', message='not valid UTF-8 (byte 3); decoded as cp1252, detected by charset-normalizer', severity='warning'))
    """
    if data.startswith(UTF16_BOMS):  # before the binary check: UTF-16 text is full of NUL bytes
        try:
            return data.decode("utf-16"), None
        except UnicodeDecodeError:
            pass  # not UTF-16 after all: the checks below say what it is
    binary = sniff_binary(data)
    if binary:
        raise IngestError(f"{where}: {binary}")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    encoding = detect_encoding(data)
    if encoding is None:
        bad = data[first_bad : first_bad + 8]
        raise IngestError(
            f"{where}: not valid UTF-8 at byte {first_bad} ({bad!r}) and no other encoding reads it cleanly; "
            "expected UTF-8 text or a legacy encoding such as Windows-1252"
        )
    message = f"not valid UTF-8 (byte {first_bad}); decoded as {encoding}, detected by charset-normalizer"
    return data.decode(encoding), Problem(where, message, "warning")


def detect_encoding(data: bytes) -> str | None:
    """The encoding charset-normalizer finds for ``data``, or None when none reads it.

    Of the readings it finds least chaotic, an encoding browsers support wins, and
    Windows-1252 among those of (nearly) equal coherence.

    >>> detect_encoding("à Genève".encode("latin-1")), detect_encoding("Министр заявил".encode("cp1251"))
    ('cp1252', 'cp1251')
    """
    from charset_normalizer import from_bytes  # only needed for non-UTF-8 input

    matches = list(from_bytes(data))
    if not matches:
        return None
    clean = [m for m in matches if m.chaos <= matches[0].chaos + 0.01]
    web = [m for m in clean if WEB_ENCODINGS & set(m.could_be_from_charset)]
    candidates = web or clean
    coherent = max(m.coherence for m in candidates) - 0.05
    for match in candidates:
        if match.coherence >= coherent and PREFERRED_LEGACY in match.could_be_from_charset:
            if readable_as(data, PREFERRED_LEGACY):
                return PREFERRED_LEGACY
    names = candidates[0].could_be_from_charset
    return next((name for name in names if name in WEB_ENCODINGS), str(candidates[0].encoding))


def readable_as(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True
