#!/usr/bin/env python3
"""How long after a saved prose edit `descent serve` serves the new page.

    python3 bench/serve_latency.py [--descent .build/release/descent] [--lessons lessons]
                                   [--lesson 01-derivatives.md] [--edits 10]

Copies the lessons folder to a temporary folder, starts `descent serve --port 0` there, waits
for its first build, then edits one prose line of the lesson `--edits` times. For each edit it
times, from the moment the file is saved, (1) the answer of the reload script's long poll
(`/__descent/wait?v=N`: when an open page would reload) and (2) the first GET of the page
that holds the edit. The edit changes one line of prose and moves no other line. Prints each edit's two times and their medians, in seconds, then stops
serve with SIGINT and checks that it exits with status 0.
"""
import argparse
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request


def get(url, timeout=30):
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.read().decode()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--descent", default=".build/release/descent")
    parser.add_argument("--lessons", default="lessons")
    parser.add_argument("--lesson", default="01-derivatives.md")
    parser.add_argument("--edits", type=int, default=10)
    args = parser.parse_args()

    folder = tempfile.mkdtemp(prefix="serve-latency-")
    shutil.copytree(args.lessons, os.path.join(folder, "lessons"))
    lesson = os.path.join(folder, "lessons", args.lesson)
    page = re.sub(r"\.md$", ".html", args.lesson)
    out = open(os.path.join(folder, "stdout"), "w+")
    serve = subprocess.Popen(
        [os.path.abspath(args.descent), "serve", "--port", "0", "--lessons", "lessons", "-q"],
        cwd=folder, stdout=out, stderr=subprocess.DEVNULL)
    try:
        base = None
        started = time.monotonic()
        while base is None:
            time.sleep(0.05)
            out.seek(0)
            found = re.search(r"at (http://127\.0\.0\.1:\d+/)", out.read())
            base = found and found.group(1)
        while int(get(base + "__descent/wait?v=0")) == 0:  # the first build
            pass
        print(f"first build served after {time.monotonic() - started:.1f} s", flush=True)

        polls, pages = [], []
        for edit in range(args.edits):
            marker = f"Edited for the latency benchmark, edit {edit}."
            text = open(lesson).read()
            # The first line of prose after the title, changed in place (no line moves, as
            # when a word is corrected), with the previous edit's words taken out.
            text = re.sub(r"Edited for the latency benchmark, edit \d+\. ", "", text)
            after_title = text.index("\n\n", text.index("\n# ")) + 2
            text = text[:after_title] + marker + " " + text[after_title:]
            version = int(get(f"{base}__descent/wait?v=-1"))  # the build served now
            answer = {}
            waiter = threading.Thread(
                target=lambda: answer.update(v=int(get(f"{base}__descent/wait?v={version}")), at=time.monotonic()))
            waiter.start()
            time.sleep(0.3)  # the poll is waiting
            # Saved as editors do: a new file renamed over the lesson (written beside the
            # lessons folder, so the watcher sees one change).
            saving = os.path.join(folder, "saving.md")
            with open(saving, "w") as file:
                file.write(text)
            os.replace(saving, lesson)
            saved = time.monotonic()
            while marker not in get(base + page):
                time.sleep(0.01)
            served = time.monotonic()
            waiter.join()
            polls.append(answer["at"] - saved)
            pages.append(served - saved)
            print(f"edit {edit}: reload asked after {polls[-1]:.3f} s, page served after {pages[-1]:.3f} s", flush=True)
        print(f"median of {args.edits}: reload asked after {statistics.median(polls):.3f} s, "
              f"page served after {statistics.median(pages):.3f} s")
    finally:
        serve.send_signal(signal.SIGINT)
        status = serve.wait(timeout=30)
        print(f"descent serve exited with status {status} after SIGINT")
        shutil.rmtree(folder, ignore_errors=True)
    return 0 if status == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
