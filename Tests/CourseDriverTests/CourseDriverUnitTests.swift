import Foundation
import LessonParser
import Synchronization
import Testing

@testable import CourseDriver

@Suite struct ParallelWorkTests {
    @Test(arguments: [1, 2, 7])
    func resultsComeInIndexOrderWhateverOrderTheyFinishIn(jobs: Int) {
        let calls = Atomic<Int>(0)
        let results = parallelMap(20, jobs: jobs) { index in
            calls.add(1, ordering: .relaxed)
            // Early indices finish last.
            Thread.sleep(forTimeInterval: Double(20 - index) / 2000)
            return index * index
        }
        #expect(results == (0..<20).map { $0 * $0 })
        #expect(calls.load(ordering: .relaxed) == 20)
    }

    @Test func noWorkIsNoResults() {
        #expect(parallelMap(0, jobs: 4) { $0 }.isEmpty)
    }

    @Test func workRunsAtOnceUpToJobs() {
        let running = Atomic<Int>(0), most = Atomic<Int>(0)
        _ = parallelMap(6, jobs: 3) { _ in
            let now = running.add(1, ordering: .sequentiallyConsistent).newValue
            _ = most.max(now, ordering: .sequentiallyConsistent)
            Thread.sleep(forTimeInterval: 0.05)
            running.subtract(1, ordering: .sequentiallyConsistent)
        }
        #expect(most.load(ordering: .sequentiallyConsistent) == 3)
    }
}

@Suite struct OrderedEventsTests {
    @Test func lessonsAreReportedFinishedInTheirOrder() {
        let seen = Mutex<[Int]>([])
        let events = OrderedEvents { event in
            if case .finished(let index, _, _, _) = event { seen.withLock { $0.append(index) } }
        }
        let outcome = LessonOutcome(file: "x.md", lesson: nil, diagnostics: [])
        for index in [2, 0, 3, 1] {
            events.finish(index, outcome: outcome, seconds: 0, total: 4)
            if index == 0 { #expect(seen.withLock { $0 } == [0]) }
        }
        #expect(seen.withLock { $0 } == [0, 1, 2, 3])
    }
}

@Suite struct LessonFilesTests {
    @Test func aLessonHasOneIdentityHoweverItsPathIsTyped() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("identity-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("lessons"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("lessons/x.md")
        try Data("# X\n".utf8).write(to: file)
        try FileManager.default.createSymbolicLink(
            at: folder.appendingPathComponent("linked"), withDestinationURL: folder.appendingPathComponent("lessons"))
        let spellings = [
            file.path, folder.path + "/./lessons/x.md", folder.path + "/lessons/../lessons/x.md",
            folder.path + "/linked/x.md",
        ]
        #expect(Set(spellings.map(LessonFiles.identity)).count == 1)
        #expect(LessonFiles.identity(of: file.path) != LessonFiles.identity(of: folder.path + "/lessons/y.md"))
    }

    @Test func aMissingLessonIsNamedWithWhereItWasLookedFor() {
        #expect(throws: DescentError("no lesson 'nope' (looked for nope, /nowhere/nope, /nowhere/nope.md)")) {
            try LessonFiles.find(["nope"], in: "/nowhere")
        }
        #expect(throws: DescentError("no lessons folder at '/nowhere'")) { try LessonFiles.find([], in: "/nowhere") }
    }
}

@Suite struct OverridesTests {
    static let lessons = [
        LessonReader.parse("---\ntitle: A\nparams:\n  rate: 0.1\n  steps: 10\n---\n", file: "a.md").lesson,
        LessonReader.parse("---\ntitle: B\nparams:\n  rate: 0.5\n---\n", file: "b.md").lesson,
    ]

    @Test func aValueGoesToEveryLessonThatDeclaresItAsItsType() throws {
        let values = try Overrides.validated([("rate", "0.3"), ("steps", "20")], for: Self.lessons)
        #expect(values["a.md"]?["rate"] == .number(0.3))
        #expect(values["a.md"]?["steps"] == .integer(20))
        #expect(values["b.md"] == ["rate": .number(0.3)])
    }

    @Test func aValueOfAnotherTypeIsRefusedAtItsDeclaration() {
        #expect(throws: DescentError("--set steps=many: a.md:5 declares steps as Int")) {
            try Overrides.validated([("steps", "many")], for: Self.lessons)
        }
    }

    @Test func aNameNoLessonDeclaresIsRefusedWithTheClosest() {
        #expect(throws: DescentError("--set rat=…: no lesson declares a parameter 'rat'; did you mean 'rate'?")) {
            try Overrides.validated([("rat", "1")], for: Self.lessons)
        }
        #expect(throws: DescentError("--set zzz=…: no lesson declares a parameter 'zzz' (declared: rate, steps)")) {
            try Overrides.validated([("zzz", "1")], for: Self.lessons)
        }
    }
}
