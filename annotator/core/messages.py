"""Messages that readers and services write for people: an id, English, and their parameters.

The command line prints the English (scripts parse it, so it never changes by accident); the
window shows the same message in its language. A :class:`Message` is the English text itself
(a ``str``: it prints, joins and compares as before) that also keeps its id and parameters, so
that ``ui.texts.message_text`` can look the template up in Qt's catalog and fill in the same
parameters. A parameter may itself be a Message ("span 3" inside "span 3: offsets ...").

The templates are marked for ``lupdate`` (``scripts/update_translations.py`` reads this module
too) under the context "Messages"; their Arabic lives in ``resources/i18n/annotator_ar.ts``.
Parameters are filled with ``str.format``: numbers keep their format spec (``{size:,}``), and a
quoted value is passed already quoted (``name=repr(name)``) so that the window does not quote
its bidi marks.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for lupdate under ``context`` (core does not import Qt)."""
    return text


# Every template is under the context "Messages" (a literal: lupdate reads no variables).

TEMPLATES: dict[str, str] = {
    # --- whole files ------------------------------------------------------------------------
    "file.empty": QT_TRANSLATE_NOOP("Messages", "the file is empty"),
    "file.bad_bom": QT_TRANSLATE_NOOP(
        "Messages", "undecodable bytes: the file starts with a {encoding} byte order mark but byte "
            "{byte} is not valid {encoding}"),
    "file.binary_nul": QT_TRANSLATE_NOOP(
        "Messages", "a binary file, not text (NUL byte at offset {offset})"),
    "file.binary_controls": QT_TRANSLATE_NOOP(
        "Messages", "a binary file, not text (too many control characters)"),
    "file.undecodable": QT_TRANSLATE_NOOP(
        "Messages", "undecodable bytes: not UTF-8 (byte {byte} is invalid) and no known encoding "
            "(UTF-16, cp1256, ISO-8859-6 ...) fits"),
    "file.cannot_read": QT_TRANSLATE_NOOP("Messages", "cannot read: {reason}"),
    "file.not_regular": QT_TRANSLATE_NOOP(
        "Messages", "{kind}, not a regular file: only files are read"),
    "kind.fifo": QT_TRANSLATE_NOOP("Messages", "a named pipe (FIFO)"),
    "kind.device": QT_TRANSLATE_NOOP("Messages", "a device"),
    "kind.socket": QT_TRANSLATE_NOOP("Messages", "a socket"),
    "kind.other": QT_TRANSLATE_NOOP("Messages", "not a regular file"),
    "file.too_big": QT_TRANSLATE_NOOP(
        "Messages", "the file is {size:,} bytes; the limit is {limit:,} bytes (split it into "
            "smaller "
            "files)"),
    "file.grew": QT_TRANSLATE_NOOP("Messages", "the file is more than {limit:,} bytes, the limit"),
    "file.changed": QT_TRANSLATE_NOOP("Messages", "the file changed while it was being imported"),
    "file.missing": QT_TRANSLATE_NOOP("Messages", "no such file"),
    "path.missing": QT_TRANSLATE_NOOP("Messages", "no such file or folder"),
    "file.no_records": QT_TRANSLATE_NOOP("Messages", "the file holds no records"),
    "file.only_spaces": QT_TRANSLATE_NOOP("Messages", "the file holds only spaces"),
    "file.no_tokens": QT_TRANSLATE_NOOP("Messages", "no tokens in this file"),
    "folder.no_files": QT_TRANSLATE_NOOP("Messages", "no {suffix} files in this folder"),
    "folder.not_folder": QT_TRANSLATE_NOOP("Messages", "exists and is not a folder"),
    "folder.foreign": QT_TRANSLATE_NOOP(
        "Messages", "the folder holds other things ({names}); choose an empty or new folder"),
    "folder.link_loop": QT_TRANSLATE_NOOP(
        "Messages", "a symbolic link that loops (it leads back to itself); not read"),
    "folder.link_dangling": QT_TRANSLATE_NOOP(
        "Messages", "a symbolic link to {target}, which does not exist; not read"),
    "folder.subfolder": QT_TRANSLATE_NOOP("Messages", "a folder, not a file; not read"),
    "format.cannot_read": QT_TRANSLATE_NOOP("Messages", "the {format} format cannot be read"),
    "format.unclear": QT_TRANSLATE_NOOP(
        "Messages", "cannot tell the format: {why}; choose one of {names}"),
    "format.unclear_folder": QT_TRANSLATE_NOOP("Messages", "the folder has no .txt or .ann files"),
    "format.unclear_jsonl": QT_TRANSLATE_NOOP(
        "Messages", "the first line is not a JSON object with a 'text'"),
    "format.unclear_json": QT_TRANSLATE_NOOP(
        "Messages", "a .json file that is not a Label Studio task list"),
    "format.unclear_extension": QT_TRANSLATE_NOOP("Messages", "unknown extension {extension}"),
    # --- JSON lines ---------------------------------------------------------------------------
    "json.invalid": QT_TRANSLATE_NOOP("Messages", "invalid JSON: {error} (column {column})"),
    # Python's json module's own reasons (``exc.msg``), the ones a hand-edited file meets.
    "json.expecting_value": QT_TRANSLATE_NOOP("Messages", "Expecting value"),
    "json.expecting_delimiter": QT_TRANSLATE_NOOP("Messages", "Expecting ',' delimiter"),
    "json.expecting_colon": QT_TRANSLATE_NOOP("Messages", "Expecting ':' delimiter"),
    "json.expecting_name": QT_TRANSLATE_NOOP(
        "Messages", "Expecting property name enclosed in double quotes"),
    "json.extra_data": QT_TRANSLATE_NOOP("Messages", "Extra data"),
    "json.unterminated": QT_TRANSLATE_NOOP("Messages", "Unterminated string starting at"),
    "json.control": QT_TRANSLATE_NOOP("Messages", "Invalid control character at"),
    "json.too_deep": QT_TRANSLATE_NOOP(
        "Messages", "invalid JSON: nested too deeply (thousands of [ or {{ inside each other)"),
    "json.huge_number": QT_TRANSLATE_NOOP(
        "Messages", "invalid JSON: a number with thousands of digits"),
    # --- records (every JSON-based reader) ----------------------------------------------------
    "item.span": QT_TRANSLATE_NOOP("Messages", "span {n}"),
    "item.relation": QT_TRANSLATE_NOOP("Messages", "relation {n}"),
    "item.event": QT_TRANSLATE_NOOP("Messages", "event {n}"),
    "item.labelled": QT_TRANSLATE_NOOP("Messages", "{what} ({label})"),
    "record.because": QT_TRANSLATE_NOOP("Messages", "{what}: {reason}"),
    "record.not_object": QT_TRANSLATE_NOOP("Messages", "a record must be a JSON object"),
    "record.must_be_object": QT_TRANSLATE_NOOP("Messages", "{what} must be an object"),
    "record.key_not_object": QT_TRANSLATE_NOOP("Messages", "'{key}' must be an object"),
    "record.key_not_list": QT_TRANSLATE_NOOP("Messages", "'{key}' must be a list"),
    "record.text_missing": QT_TRANSLATE_NOOP("Messages", "'text' is missing or not a string"),
    "record.text_missing_or_empty": QT_TRANSLATE_NOOP(
        "Messages", "'text' is missing, empty or not a string"),
    "record.text_empty": QT_TRANSLATE_NOOP("Messages", "'text' is empty"),
    "record.bad_choice": QT_TRANSLATE_NOOP(
        "Messages", "'{key}' must be one of {choices}, got {value}"),
    "record.key_string_or_null": QT_TRANSLATE_NOOP("Messages", "'{key}' must be a string or null"),
    "record.key_string": QT_TRANSLATE_NOOP("Messages", "'{key}' must be a string"),
    "record.key_nonempty_string": QT_TRANSLATE_NOOP(
        "Messages", "'{key}' must be a non-empty string"),
    "record.doccano": QT_TRANSLATE_NOOP(
        "Messages", "a doccano record ('{key}' instead of 'spans'); import it with --format "
            "doccano"),
    "record.unknown_span": QT_TRANSLATE_NOOP(
        "Messages", "{what} refers to span {ref}, which this record does not have"),
    "record.id_twice": QT_TRANSLATE_NOOP("Messages", "the id is used twice"),
    "record.role_ids": QT_TRANSLATE_NOOP("Messages", "role {role} must list span ids"),
    "record.id_twice_named": QT_TRANSLATE_NOOP("Messages", "the id {id} is used twice"),
    "event.self_argument": QT_TRANSLATE_NOOP(
        "Messages", "event {name} has itself as an argument"),
    "event.cycle": QT_TRANSLATE_NOOP(
        "Messages", "events {path} are each other's arguments (a cycle)"),
    "span.bad_label": QT_TRANSLATE_NOOP(
        "Messages", "the label must be a non-empty string, got {label}"),
    "span.bad_offsets": QT_TRANSLATE_NOOP(
        "Messages", "offsets must be integers, got {start} and {end}"),
    "span.bad_offsets_pair": QT_TRANSLATE_NOOP(
        "Messages", "offsets must be integers, got {start}, {end}"),
    "span.text_not_string": QT_TRANSLATE_NOOP("Messages", "'text' must be a string"),
    "span.outside": QT_TRANSLATE_NOOP(
        "Messages", "offsets {start}-{end} are outside the text ({length} characters)"),
    "span.text_mismatch": QT_TRANSLATE_NOOP(
        "Messages", "{what} ({label} {start}-{end}): its text {given} does not match "
            "text[{start}:{end}] = {actual}"),
    "span.no_fit": QT_TRANSLATE_NOOP(
        "Messages", "offsets {start}-{end} do not fit a text of {length} characters "
            "(need 0 <= start < end <= length)"),
    "span.text_differs": QT_TRANSLATE_NOOP(
        "Messages", "span text {given} does not match text[{start}:{end}] = {actual}"),
    "relation.bad_type": QT_TRANSLATE_NOOP(
        "Messages", "the relation type must be a non-empty string"),
    "doccano.bad_item": QT_TRANSLATE_NOOP("Messages", "expected [start, end, label], got {item}"),
    "doccano.bad_item_kind": QT_TRANSLATE_NOOP(
        "Messages", "expected [start, end, label] or an object"),
    "doccano.bad_ends": QT_TRANSLATE_NOOP(
        "Messages", "from_id/to_id {ends} do not name entities of this record"),
    "record.and": QT_TRANSLATE_NOOP("Messages", "{first}; {rest}"),
    "record.task_not_object": QT_TRANSLATE_NOOP("Messages", "a task must be a JSON object"),
    "item.trigger": QT_TRANSLATE_NOOP("Messages", "{what} trigger"),
    "item.role": QT_TRANSLATE_NOOP("Messages", "{what} role {role}"),
    "item.head": QT_TRANSLATE_NOOP("Messages", "{what} head"),
    "item.tail": QT_TRANSLATE_NOOP("Messages", "{what} tail"),
    "item.task": QT_TRANSLATE_NOOP("Messages", "task {n}"),
    "item.task_id": QT_TRANSLATE_NOOP("Messages", "task {n} (id {id})"),
    "item.annotation": QT_TRANSLATE_NOOP("Messages", "annotation"),
    "item.prediction": QT_TRANSLATE_NOOP("Messages", "prediction"),
    "item.result": QT_TRANSLATE_NOOP("Messages", "{kind} result {n}"),
    "item.relation_of": QT_TRANSLATE_NOOP("Messages", "{kind} relation"),
    "doccano.events_dropped": QT_TRANSLATE_NOOP(
        "Messages", "{document}: {n} event(s) not written (doccano sequence labeling has no "
            "events)"),
    # --- Label Studio and Prodigy -------------------------------------------------------------
    "labelstudio.bad_labels": QT_TRANSLATE_NOOP(
        "Messages", "'{key}' must be a non-empty list of label names, got {labels}"),
    "labelstudio.which_text": QT_TRANSLATE_NOOP(
        "Messages", "'data' has no 'text', and which of its strings is the text cannot be told "
            "(strings: {keys})"),
    "labelstudio.empty_text": QT_TRANSLATE_NOOP("Messages", "the task text is empty"),
    "labelstudio.doccano_spans": QT_TRANSLATE_NOOP(
        "Messages", "'{key}' holds doccano spans ([start, end, label] or start_offset), not Label "
            "Studio regions; doccano's format is JSON Lines: write one record per line in a "
            ".jsonl file and import it with --format doccano"),
    "labelstudio.block_not_object": QT_TRANSLATE_NOOP("Messages", "each {kind} must be an object"),
    "labelstudio.result_not_list": QT_TRANSLATE_NOOP(
        "Messages", "a {kind}'s 'result' must be a list"),
    "labelstudio.outside": QT_TRANSLATE_NOOP(
        "Messages", "UTF-16 offsets {start}-{end} are outside the text ({units} UTF-16 units) "
            "or split "
            "a character"),
    "labelstudio.not_list": QT_TRANSLATE_NOOP("Messages", "expected a JSON list of tasks"),
    "labelstudio.events_dropped": QT_TRANSLATE_NOOP(
        "Messages", "{document}: {n} event(s) not written (Label Studio relations are binary; "
            "export "
            "events as JSONL or brat)"),
    "prodigy.events_dropped": QT_TRANSLATE_NOOP(
        "Messages", "{document}: {n} event(s) not written (Prodigy tasks hold spans)"),
    "prodigy.answers_left": QT_TRANSLATE_NOOP(
        "Messages", "{file}: {n} task(s) answered {answer} not imported (only accepted answers are "
            "annotations)"),
    "prodigy.relations_left": QT_TRANSLATE_NOOP(
        "Messages", "{file}: {n} Prodigy relation(s) not imported"),
    # --- token formats (CoNLL, spaCy, Hugging Face) --------------------------------------------
    "tagging.nested": QT_TRANSLATE_NOOP(
        "Messages", "nested inside another span; a flat layout keeps the outer one"),
    "tagging.overlaps": QT_TRANSLATE_NOOP(
        "Messages", "overlaps another span; a flat layout keeps the one that starts first"),
    "tagging.unplaced": QT_TRANSLATE_NOOP(
        "Messages", "{document}: span {label} {start}-{end} {text} not written: {reason}"),
    "tagging.blocker": QT_TRANSLATE_NOOP("Messages", "{message} ({label} {start}-{end} {text})"),
    "conll.webanno": QT_TRANSLATE_NOOP(
        "Messages", "this is WebAnno TSV (INCEpTION's export), not CoNLL: import it with --format "
            "webanno"),
    "conll.same_problem": QT_TRANSLATE_NOOP(
        "Messages", "{n} lines: {message} (the first is here, the last on line {last})"),
    "conll.no_tag": QT_TRANSLATE_NOOP("Messages", "token {token} has no tag column"),
    "conll.bad_tag": QT_TRANSLATE_NOOP("Messages", "{tag} is not a tag (O, B-X, I-X, E-X, S-X)"),
    "spacy.missing": QT_TRANSLATE_NOOP(
        "Messages", "spaCy is not installed (pip install 'annotator[spacy]')"),
    "events.no_date": QT_TRANSLATE_NOOP(
        "Messages", "{document}: event {n} ({type}) has no date and the document no publication "
            "date: "
            "event_date left empty"),
    "events.no_event": QT_TRANSLATE_NOOP(
        "Messages", "{document}: {n} span(s) but no event: nothing to write"),
    "txt.spans_dropped": QT_TRANSLATE_NOOP(
        "Messages", "{n} span(s) not written: plain text holds no annotations"),
    # --- brat -------------------------------------------------------------------------------
    "brat.expected_attribute": QT_TRANSLATE_NOOP(
        "Messages", "expected 'NAME TARGET [VALUE]', got {got}"),
    "brat.expected_event": QT_TRANSLATE_NOOP("Messages", "expected 'TYPE:TRIGGER ROLE:ID ...'"),
    "brat.bad_argument": QT_TRANSLATE_NOOP("Messages", "argument {argument} is not ROLE:ID"),
    "brat.expected_relation": QT_TRANSLATE_NOOP(
        "Messages", "expected 'TYPE Arg1:ID Arg2:ID', got {got}"),
    "brat.expected_note": QT_TRANSLATE_NOOP(
        "Messages", "expected 'TYPE ID<TAB>text', e.g. 'AnnotatorNotes T1<TAB>a note'"),
    "brat.expected_normalization": QT_TRANSLATE_NOOP(
        "Messages", "expected 'TYPE ID DB:KEY<TAB>text', got {got}"),
    "brat.expected_equivalence": QT_TRANSLATE_NOOP(
        "Messages", "expected 'TYPE ID ID ...' (an equivalence of two or more annotations), "
            "got {got}"),
    "brat.unknown_line": QT_TRANSLATE_NOOP("Messages", "unknown annotation line {ident}"),
    "brat.expected_textbound": QT_TRANSLATE_NOOP(
        "Messages", "expected 'TYPE START END<TAB>text', got {got}"),
    "brat.long_offset": QT_TRANSLATE_NOOP(
        "Messages", "an offset with {digits} digits is outside the text"),
    "brat.discontinuous": QT_TRANSLATE_NOOP(
        "Messages", "a discontinuous span ({fragments}) with {between} between its fragments; "
            "spans of several fragments cannot be stored: split it into one T line per fragment"),
    "brat.text_differs": QT_TRANSLATE_NOOP(
        "Messages", "its text {given} does not match the text at {fragments} ({actual})"),
    "brat.event_as_span": QT_TRANSLATE_NOOP(
        "Messages", "{target} is an event; a relation or a trigger must name a text-bound (T) "
            "annotation"),
    "brat.dangling_argument": QT_TRANSLATE_NOOP(
        "Messages", "its argument {argument} names no text-bound (T) annotation or event (E) of "
            "this file"),
    "brat.not_textbound": QT_TRANSLATE_NOOP(
        "Messages", "{target} is not a text-bound (T) annotation of this file"),
    "brat.attribute_target": QT_TRANSLATE_NOOP(
        "Messages", "attribute {name} names {target}, which this file does not annotate"),
    "brat.equivalence_target": QT_TRANSLATE_NOOP(
        "Messages", "equivalence {type} names {target}, which is not a text-bound (T) "
            "annotation of this file"),
    "brat.no_txt": QT_TRANSLATE_NOOP("Messages", "no .txt file beside this .ann"),
    "brat.attribute_name": QT_TRANSLATE_NOOP(
        "Messages", "attribute {key} of {target} (brat names hold no spaces)"),
    "brat.attribute_value": QT_TRANSLATE_NOOP(
        "Messages", "attribute {key}={value} of {target} (brat values hold no spaces)"),
    "brat.empty_event": QT_TRANSLATE_NOOP(
        "Messages", "event {n} ({type}): no trigger and no arguments"),
    "brat.relation_attribute": QT_TRANSLATE_NOOP(
        "Messages", "attribute {key} of relation R{n} (brat has none there)"),
    "brat.equivalence_left": QT_TRANSLATE_NOOP(
        "Messages", "equivalence {item} (its spans are not all exported)"),
    # --- WebAnno TSV ---------------------------------------------------------------------------
    "webanno.no_layers": QT_TRANSLATE_NOOP(
        "Messages", "no layers (#T_SP=, #T_RL= ...) after #FORMAT"),
    "webanno.not_tsv3": QT_TRANSLATE_NOOP(
        "Messages", "not WebAnno TSV 3 (the file must start with {mark})"),
    "webanno.bad_row": QT_TRANSLATE_NOOP(
        "Messages", "expected a token row (SENTENCE-TOKEN<TAB>BEGIN-END<TAB>token ...) or a "
            "#Text= line"),
    "webanno.sentence_inside": QT_TRANSLATE_NOOP(
        "Messages", "the sentence starts at {start}, inside the one before it"),
    "webanno.token_outside": QT_TRANSLATE_NOOP(
        "Messages", "token offsets {begin}-{end} do not fit the text"),
    "webanno.token_differs": QT_TRANSLATE_NOOP(
        "Messages", "the token {token} is not the text at {begin}-{end} ({actual})"),
    "webanno.bad_governor": QT_TRANSLATE_NOOP("Messages", "{governor} is not a token address"),
    "webanno.token_relations": QT_TRANSLATE_NOOP(
        "Messages", "relation(s) between tokens, not spans"),
    "webanno.chains": QT_TRANSLATE_NOOP("Messages", "chain layer column(s)"),
    "webanno.left_out": QT_TRANSLATE_NOOP("Messages", "{file}: {n} {what} not imported"),
    "webanno.no_text": QT_TRANSLATE_NOOP("Messages", "the document has no text"),
    "webanno.span_off_tokens": QT_TRANSLATE_NOOP(
        "Messages", "span {label} {start}-{end} {text} (it does not start and end at token "
            "boundaries)"),
    "webanno.event_not_pair": QT_TRANSLATE_NOOP(
        "Messages", "event {n} ({type}) (only relations of two spans fit)"),
    "webanno.event_roles": QT_TRANSLATE_NOOP(
        "Messages", "event {n} ({type}) (its roles {first}/{second} would read back as other "
            "roles)"),
    # --- CSV ------------------------------------------------------------------------------------
    "csv.empty_text": QT_TRANSLATE_NOOP("Messages", "the text is empty"),
    "csv.bad": QT_TRANSLATE_NOOP("Messages", "bad CSV: {error}"),
    "csv.bad_header": QT_TRANSLATE_NOOP(
        "Messages", "bad CSV header: {error} (an unterminated quote?)"),
    "csv.no_text": QT_TRANSLATE_NOOP("Messages", "no 'text' column (columns: {columns})"),
    "csv.columns": QT_TRANSLATE_NOOP("Messages", "{n} columns where the header has {header}"),
    "csv.unterminated": QT_TRANSLATE_NOOP(
        "Messages", "a quoted field starting on this line is never closed (unterminated quote): "
            "the "
            "rest of the file would become part of it"),
    "csv.spans_dropped": QT_TRANSLATE_NOOP(
        "Messages", "{n} span(s) not written: CSV holds text and metadata only"),
    # --- checks of the import service ---------------------------------------------------------
    "check.nul_text": QT_TRANSLATE_NOOP(
        "Messages", "the text contains a NUL character (U+0000), which cannot be stored"),
    "check.nul_name": QT_TRANSLATE_NOOP(
        "Messages", "the document name contains a NUL character (U+0000), which cannot be stored"),
    "check.nan_meta": QT_TRANSLATE_NOOP(
        "Messages", "'meta' holds NaN or Infinity, which JSON cannot store"),
    "check.nan_attrs": QT_TRANSLATE_NOOP(
        "Messages", "{what}: 'attrs' holds NaN or Infinity, which JSON cannot store"),
    "check.too_long": QT_TRANSLATE_NOOP(
        "Messages", "the text is {length:,} characters; one document may hold at most {limit:,} "
            "(split it)"),
    "check.span": QT_TRANSLATE_NOOP("Messages", "span {label} {start}-{end}: {reason}"),
    "check.unknown_label": QT_TRANSLATE_NOOP(
        "Messages", "unknown label {label} (the project has {labels}); use --map {name}=LABEL or "
            "--add-labels"),
    "check.unknown_event_type": QT_TRANSLATE_NOOP(
        "Messages", "event type {type} is not in the project's schema ({types}); use --map "
            "'{name}=TYPE' or --add-labels"),
    "check.surrogate_text": QT_TRANSLATE_NOOP(
        "Messages", "the text holds an unpaired surrogate (U+{code}), which is not text and "
            "cannot be "
            "stored"),
    "check.surrogate_name": QT_TRANSLATE_NOOP(
        "Messages", "the name holds an unpaired surrogate (U+{code}), which is not text and "
            "cannot be "
            "stored"),
    "check.surrogate_metadata": QT_TRANSLATE_NOOP(
        "Messages", "the metadata holds an unpaired surrogate (U+{code}), which is not text and "
            "cannot "
            "be stored"),
    "check.surrogate_span": QT_TRANSLATE_NOOP(
        "Messages", "a span holds an unpaired surrogate (U+{code}), which is not text and "
            "cannot be "
            "stored"),
    "check.surrogate_event": QT_TRANSLATE_NOOP(
        "Messages", "an event holds an unpaired surrogate (U+{code}), which is not text and "
            "cannot be "
            "stored"),
    "import.nothing_found": QT_TRANSLATE_NOOP("Messages", "no documents found"),
    # --- what an import leaves out or reads another way (notes) ---------------------------------
    "note.label_case": QT_TRANSLATE_NOOP(
        "Messages", "label {name} taken as {found} (same name, other case)"),
    "note.event_type": QT_TRANSLATE_NOOP("Messages", "event type {name} taken as {found}"),
    # --- refusals of the store (shown in "Not saved") ---------------------------------------
    "store.read_only": QT_TRANSLATE_NOOP(
        "Messages", "the database is read-only: nothing can be changed ({reason})"),
    "store.database_error": QT_TRANSLATE_NOOP("Messages", "database error: {reason}"),
    "store.unknown_label": QT_TRANSLATE_NOOP(
        "Messages", "label {label} is not in the project's schema ({labels})"),
    "store.span_refused": QT_TRANSLATE_NOOP(
        "Messages", "span refused in document {document}: {reason}"),
    "store.document_gone": QT_TRANSLATE_NOOP(
        "Messages", "document {id} does not exist (deleted meanwhile?)"),
    "store.no_document": QT_TRANSLATE_NOOP("Messages", "document {id} does not exist"),
    "store.not_a_span": QT_TRANSLATE_NOOP(
        "Messages", "span {span} is not a span of document {document}"),
    "store.span_gone": QT_TRANSLATE_NOOP(
        "Messages", "span {span} does not exist (deleted meanwhile?)"),
    "store.project_exists": QT_TRANSLATE_NOOP("Messages", "a project named {name} already exists"),
    "published.format": QT_TRANSLATE_NOOP(
        "Messages", "'published' must be a date as YYYY-MM-DD, got {value}"),
    "published.not_a_day": QT_TRANSLATE_NOOP("Messages", "'published' is not a real day: {value}"),
    # --- options of an import or export -------------------------------------------------------
    "map.malformed": QT_TRANSLATE_NOOP(
        "Messages", "--map {item}: expected OLD=NEW, e.g. ORG=ACTOR"),
    "map.twice": QT_TRANSLATE_NOOP("Messages", "--map {name}: mapped twice ({first} and {second})"),
    "split.three": QT_TRANSLATE_NOOP(
        "Messages", "split {split} must be three numbers like 80/10/10 (train/dev/test)"),
    "split.whole": QT_TRANSLATE_NOOP(
        "Messages", "split {split} must be three whole numbers like 80/10/10"),
    "split.hundred": QT_TRANSLATE_NOOP(
        "Messages", "split {split}: the three numbers must be >= 0 and add up to 100"),
    # --- exports --------------------------------------------------------------------------------
    "export.no_format": QT_TRANSLATE_NOOP("Messages", "no format {format} to write with"),
    "export.no_annotator": QT_TRANSLATE_NOOP(
        "Messages", "no annotator named {name} (known: {known})"),
    "export.no_documents": QT_TRANSLATE_NOOP("Messages", "no documents to export"),
    "export.no_documents_with": QT_TRANSLATE_NOOP(
        "Messages", "no documents to export with status {status}"),
    "export.is_folder": QT_TRANSLATE_NOOP(
        "Messages", "is a folder; give a file name, e.g. {example}"),
    "export.split_folder": QT_TRANSLATE_NOOP(
        "Messages", "a split export needs a folder, not a file"),
    "export.not_written": QT_TRANSLATE_NOOP("Messages", "{document}: {what} not written"),
    "export.no_tokens": QT_TRANSLATE_NOOP("Messages", "{document}: no tokens; not written"),
}

#: Parameters that name a kind of thing and are themselves translated where shown.
WORDS: dict[str, str] = {
    "train": QT_TRANSLATE_NOOP("Messages", "train"),
    "dev": QT_TRANSLATE_NOOP("Messages", "dev"),
    "test": QT_TRANSLATE_NOOP("Messages", "test"),
}


class Message(str):
    """A message's English text that remembers its id and parameters (for the window).

    Any string operation (``+``, f-strings, ``join``) gives a plain ``str``: the English.
    """

    id: str
    params: dict[str, Any]

    def __new__(cls, message_id: str, /, **params: Any) -> Message:
        self = super().__new__(cls, TEMPLATES[message_id].format(**params))
        self.id = message_id
        self.params = params
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        # Problems travel from the import's child process to the window through a queue.
        return (_rebuild, (self.id, self.params))

    def __repr__(self) -> str:
        return f"Message({self.id!r}, {super().__repr__()})"


def _rebuild(message_id: str, params: Mapping[str, Any]) -> Message:
    return Message(message_id, **params)


def json_reason(reason: str) -> str:
    """The json module's reason for a decoding error (``JSONDecodeError.msg``), as a Message
    when it is one of those above."""
    for message_id in _JSON_REASONS:
        if TEMPLATES[message_id] == reason:
            return Message(message_id)
    return reason


_JSON_REASONS = tuple(k for k in TEMPLATES if k.startswith("json.") and "{" not in TEMPLATES[k]
                      and not TEMPLATES[k].startswith("invalid JSON"))


def message_of(exc: BaseException) -> str:
    """The message an exception was raised with: the Message itself when it was one
    (``str(exc)`` would give its English only)."""
    if len(exc.args) == 1 and isinstance(exc.args[0], Message):
        return exc.args[0]
    return str(exc)
