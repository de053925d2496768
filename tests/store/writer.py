"""Child process of the durability and concurrency tests: adds spans one by one.

    python writer.py DB_URL DOCUMENT_ID ANNOTATOR COUNT [START_AT [PAUSE]]

Prints each span id once its transaction has committed, then "done". With START_AT (a Unix
time) it waits until then, so that two writers really run at the same moment; PAUSE seconds
between edits (as a person would) let the other writer in between (SQLite's lock is not fair:
a writer that never pauses can hold it until it is done).
"""

from __future__ import annotations

import sys
import time

from annotator.core.model import make_span
from annotator.store.db import open_database


def main(argv: list[str]) -> None:
    """Add COUNT spans to DOCUMENT_ID, printing each committed id."""
    url, doc_id, annotator, count = argv[0], int(argv[1]), argv[2], int(argv[3])
    repo = open_database(url)
    text = repo.get_document(doc_id).text
    if len(argv) > 4:
        time.sleep(max(0.0, float(argv[4]) - time.time()))
    pause = float(argv[5]) if len(argv) > 5 else 0.0
    for i in range(count):
        start = (i * 7) % (len(text) - 4)
        span = make_span(text, start, start + 3, "ACTOR", attrs={"i": i, "by": annotator})
        stored = repo.add_span(doc_id, span, annotator=annotator)
        print(stored.id, flush=True)
        if pause:
            time.sleep(pause)
    print("done", flush=True)
    repo.close()


if __name__ == "__main__":
    main(sys.argv[1:])
