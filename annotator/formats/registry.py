"""The explicit registry of formats: what each one is called, reads, writes and which module
holds its code.

The command line and the window list the formats (names, descriptions, extensions, read or
write) on every start; importing every reader and writer for that cost a tenth of a second
and pulled in charset-normalizer, the tokenizer and the JSON validators before any work. So
the registry names each format's class by module path and ``FORMATS`` imports a module the
first time its format is used. A test checks that every entry agrees with its class.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from annotator.formats.base import Format


@dataclass(frozen=True)
class FormatInfo:
    """A format as the registry knows it without importing its code."""

    name: str
    #: ``module:Class`` of the Format subclass (module relative to ``annotator.formats``).
    code: str
    description: str
    extensions: tuple[str, ...]
    can_read: bool = True
    can_write: bool = True
    writes_folder: bool = False

    def load(self) -> Format:
        """Import the format's module and make its Format."""
        module_name, _, class_name = self.code.partition(":")
        module = importlib.import_module(f"annotator.formats.{module_name}")
        fmt = getattr(module, class_name)()
        if not isinstance(fmt, Format):
            raise TypeError(f"{self.code} is not a Format")
        return fmt


#: Every format, in the order menus and help texts list them.
FORMAT_INFO: dict[str, FormatInfo] = {info.name: info for info in (
    FormatInfo("txt", "plaintext:TextFormat",
               "plain text: a .txt file, or a folder of them (one document each)",
               (".txt",), writes_folder=True),
    FormatInfo("csv", "csvfile:CsvFormat",
               "CSV with a 'text' column, optional 'id'; other columns become metadata",
               (".csv",)),
    FormatInfo("jsonl", "jsonl:JsonlFormat",
               "the project's JSONL dataset: text, metadata, status, spans and events",
               (".jsonl",)),
    FormatInfo("doccano", "doccano:DoccanoFormat",
               'doccano JSONL: {"text", "label": [[start, end, label], ...]} and variants',
               (".jsonl",)),
    FormatInfo("labelstudio", "labelstudio:LabelStudioFormat",
               "Label Studio JSON tasks; UTF-16 offsets, predictions become suggestions",
               (".json",)),
    FormatInfo("brat", "brat:BratFormat",
               "brat standoff: a folder of name.txt + name.ann pairs",
               (".ann",), writes_folder=True),
    FormatInfo("conll", "conll:ConllFormat",
               "CoNLL token-per-line NER (2 or 4 columns, IOB2 or BIOES, nested columns)",
               (".conll", ".iob", ".bio", ".bioes", ".tsv")),
    FormatInfo("spacy", "spacy_docbin:SpacyFormat",
               "spaCy DocBin: a folder of part-NNNNN.spacy files (spacy train reads the "
               "folder), or one NAME.spacy; all spans also in doc.spans['sc'] when nested",
               (".spacy",), can_read=False, writes_folder=True),
    FormatInfo("hf", "hf:HfFormat",
               'Hugging Face JSONL {"id", "tokens", "ner_tags"} with NAME.tags.json beside it',
               (".jsonl",), can_read=False),
    FormatInfo("events", "events_csv:EventsCsvFormat",
               "events as an ACLED-style CSV table (date, precision, type, actors, location)",
               (".csv",), can_read=False),
    FormatInfo("webanno", "webanno:WebAnnoFormat",
               "WebAnno TSV 3 (INCEpTION): named entities and relations, a .tsv per document",
               (".tsv",), writes_folder=True),
    FormatInfo("prodigy", "prodigy:ProdigyFormat",
               "Prodigy JSONL (db-out): accepted answers become spans, others are counted",
               (".jsonl",)),
)}


def format_names(*, read: bool = False, write: bool = False) -> list[str]:
    """The names of the formats that can be read (``read``) and/or written (``write``)."""
    return [name for name, info in FORMAT_INFO.items()
            if (info.can_read or not read) and (info.can_write or not write)]


class LazyFormats(Mapping[str, Format]):
    """The formats by name; each one's module is imported on first use, then kept."""

    def __init__(self, infos: Mapping[str, FormatInfo]) -> None:
        self._infos = infos
        self._loaded: dict[str, Format] = {}

    def __getitem__(self, name: str) -> Format:
        fmt = self._loaded.get(name)
        if fmt is None:
            fmt = self._loaded[name] = self._infos[name].load()
        return fmt

    def __contains__(self, name: object) -> bool:
        # Mapping's own would load the format to answer.
        return name in self._infos

    def __iter__(self) -> Iterator[str]:
        return iter(self._infos)

    def __len__(self) -> int:
        return len(self._infos)


FORMATS: Mapping[str, Format] = LazyFormats(FORMAT_INFO)
