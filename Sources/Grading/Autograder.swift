import Foundation

/// The Gradescope autograder of a course (`descent autograder`): a ZIP archive that Gradescope
/// unpacks into `/autograder/source`, holding the project's sources and tools
/// (`CourseFiles.project`), the instructor's lessons (solutions and hidden checks: the archive
/// is for Gradescope only) and Gradescope's two scripts:
///
/// - `setup.sh`, run once as root when Gradescope builds the autograder's image (Ubuntu
///   22.04 or 24.04, with the network): installs the Debian packages the toolchain and the
///   course need, the Swift toolchain the instructor built the autograder with (from
///   swift.org, its signature checked), builds `descent` and compiles the lesson libraries and
///   the instructor's programs once, so each submission only compiles its own code;
/// - `run_autograder`, run for each submission in a fresh container: grades a copy of
///   `/autograder/submission` with `descent grade --format gradescope`, writing
///   `/autograder/results/results.json`. It grades in descent's sandbox when the container
///   allows it, and otherwise without (see `README-autograder.md` in the archive for what
///   that fallback does and does not defend against).
///
/// `AUTOGRADER_ROOT` replaces `/autograder` and `DESCENT` names the `descent` to run, so the
/// scripts can be tried on a machine without Gradescope's folders.
public enum Autograder {
    /// The archive's files; `swiftVersion` is the toolchain's (`6.3.1`) that `setup.sh` installs.
    public static func files(project: CourseFiles, lessonsFolder: URL, swiftVersion: String) throws -> CourseFiles {
        var files = project
        try files.addFolder(lessonsFolder, as: "lessons")
        files.add("setup.sh", text: setupScript(swiftVersion: swiftVersion), executable: true)
        files.add("run_autograder", text: runScript, executable: true)
        files.add("README-autograder.md", text: readme)
        return files
    }

    /// The packages `setup.sh` installs: what swift.org lists for the Linux toolchain on
    /// Ubuntu, and what the course needs to grade (`scripts/install-deps.sh` names the same).
    static let packages = [
        "binutils", "build-essential", "ca-certificates", "curl", "git", "gnupg2", "libcurl4-openssl-dev",
        "libedit2", "libncurses-dev", "libpython3-dev", "libsqlite3-0", "libxml2-dev", "libz3-dev", "pkg-config",
        "tzdata", "unzip", "zlib1g-dev",
        "libcmark-dev", "libopenblas-dev", "bubblewrap", "util-linux",
    ]

    static func setupScript(swiftVersion: String) -> String {
        """
        #!/usr/bin/env bash
        # Gradescope runs this once, as root, when it builds the autograder's image (Ubuntu 22.04
        # or 24.04, with the network), in the folder where the autograder's files are unpacked.
        # It installs what grading needs, the Swift toolchain \(swiftVersion) (the one the course
        # was built with), builds descent, and compiles the lesson libraries and the instructor's
        # grading programs once, so that each submission compiles only its own code.
        set -euo pipefail
        cd "$(dirname "$0")"
        swift_version="\(swiftVersion)"

        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq --no-install-recommends \\
          \(packages.joined(separator: " "))

        export PATH="/opt/swift/usr/bin:$PATH"
        if ! swift --version 2>/dev/null | grep -q "Swift version $swift_version "; then
          . /etc/os-release
          platform="ubuntu${VERSION_ID//./}"
          [ "$(uname -m)" = "aarch64" ] && platform="$platform-aarch64"
          name="swift-$swift_version-RELEASE-$platform"
          url="https://download.swift.org/swift-$swift_version-release/$platform/swift-$swift_version-RELEASE/$name.tar.gz"
          curl -fsSL "$url" -o /tmp/swift.tar.gz
          curl -fsSL "$url.sig" -o /tmp/swift.tar.gz.sig
          curl -fsSL https://www.swift.org/keys/all-keys.asc | gpg --batch --import -
          gpg --batch --verify /tmp/swift.tar.gz.sig /tmp/swift.tar.gz
          mkdir -p /opt/swift
          tar -xzf /tmp/swift.tar.gz -C /opt/swift --strip-components 1
          rm /tmp/swift.tar.gz /tmp/swift.tar.gz.sig
        fi

        swift build -c release --product descent
        # Compile the lesson libraries and the instructor's programs now (an empty submission
        # runs every exercise's stub), so they are cached in the image.
        mkdir -p /tmp/descent-empty-submission
        .build/release/descent grade --lessons lessons --no-sandbox --format json \\
          /tmp/descent-empty-submission >/dev/null
        rmdir /tmp/descent-empty-submission

        """
    }

    static let runScript = """
        #!/usr/bin/env bash
        # Gradescope runs this for each submission, as root, in a fresh container of the image
        # setup.sh built. It grades a copy of the submission with descent and writes Gradescope's
        # results.json. AUTOGRADER_ROOT replaces /autograder, and DESCENT names the descent to run.
        set -uo pipefail
        root="${AUTOGRADER_ROOT:-/autograder}"
        source="$root/source"
        export PATH="/opt/swift/usr/bin:$PATH"
        descent="${DESCENT:-$source/.build/release/descent}"
        results="$root/results/results.json"
        mkdir -p "$root/results"
        work="$(mktemp -d)"
        trap 'rm -rf "$work"' EXIT

        # The student's files, copied (a link is copied as a link, and descent skips links).
        cp -R "$root/submission" "$work/submission"
        grade=("$descent" grade --lessons "$source/lessons" --format gradescope -o "$results" "$work/submission")

        if "${grade[@]}" 2>"$work/errors"; then
          cat "$work/errors" >&2
          exit 0
        fi
        cat "$work/errors" >&2
        if grep -q "(use --no-sandbox to grade code you trust without it)" "$work/errors"; then
          # The sandbox's probe failed (no bubblewrap, no namespaces or no cgroup v1 here): grade
          # without it, in this disposable container (README-autograder.md says what that does
          # not defend against).
          echo "run_autograder: descent's sandbox is not available here; grading without it" >&2
          "${grade[@]}" --no-sandbox && exit 0
        fi
        # Nothing could be graded: say so to the student, and fail for the instructor's log.
        printf '%s\\n' '{"score": 0, "output": "The autograder could not grade this submission. Please tell the course staff."}' \\
          >"$results"
        exit 1

        """

    static let readme = """
        # The course's Gradescope autograder

        Made by `descent autograder --out autograder.zip`. Upload the archive as a Gradescope
        programming assignment's autograder (Ubuntu 22.04 or 24.04 base image). It holds the
        instructor's lessons, with their reference solutions and hidden checks: never give it to
        students.

        - `setup.sh` (run by Gradescope once, as root, with the network, when it builds the
          image): installs the Debian packages the Swift toolchain and the course need, the Swift
          toolchain the course was built with from swift.org (its signature checked), builds
          `descent`, and compiles the lesson libraries and the instructor's programs once.
        - `run_autograder` (run for each submission): grades a copy of `/autograder/submission`
          (the student's lesson files, in any folders) with
          `descent grade --format gradescope`, writing `/autograder/results/results.json`.

        ## How student code is isolated

        `descent grade` decides every verdict in a checker program that holds only the
        instructor's code; the student's code runs in a separate exercise program that only
        answers calls (see the course README, "How a grade is decided, and the threat model").
        The exercise program and its compiler run in bubblewrap inside cgroup v1 groups when the
        container allows it: no network, no host files, limits on memory, CPU and processes for
        the whole tree.

        Gradescope runs each submission as root in a fresh Docker container, where creating
        namespaces (bubblewrap) and control groups is usually not allowed. `run_autograder` then
        grades with `--no-sandbox`. What still holds there: the verdict comes from the checker,
        never from the student's process; hidden checks and reference solutions are not compiled
        into the student's program; each check has its time limit, and the student's programs are
        killed with their process group when it passes; output is capped; and the container is
        thrown away after the submission, so nothing reaches another student. What does not hold:
        the student's code runs as root in that container, so it can read the files there
        (including the instructor's lessons under `/autograder/source`, with hidden checks and
        solutions), use the network if Gradescope gives the container one, change descent's
        cached programs or its results before they are written, and use as much memory and as
        many processes as the container allows. A determined student could therefore forge a
        grade or copy hidden checks there: where that matters, grade the submissions again with
        `descent grade` on a machine where the sandbox works, and compare.

        `setup.sh` downloads the toolchain and packages, so it cannot be tried offline; its
        grading half (`run_autograder` against a submission folder laid out as Gradescope lays it)
        is tested by the course's end-to-end tests with a toolchain already installed.

        """
}
