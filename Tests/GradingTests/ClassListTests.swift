import Foundation
import LessonParser
import Testing

@testable import Grading

/// Naming a class's students after their paths, and slicing a class into shards.
@Suite struct ClassListTests {
    @Test(arguments: [
        (["class/alice", "class/bob"], ["alice", "bob"]),
        (["a/x", "b/x", "c/y"], ["a/x", "b/x", "y"]),
        (["alice/03-try.md", "bob/03-try.md"], ["alice", "bob"]),
        (["alice.md", "hand-ins/bob.md"], ["alice", "bob"]),
        (["2025/a/x/01.md", "2026/a/x/01.md"], ["2025/a/x", "2026/a/x"]),
        (["alice/01.md", "alice/02.md"], ["01", "02"]),
    ])
    func namesAreTheShortestUniqueTrailingParts(_ paths: [String], _ names: [String]) throws {
        #expect(try StudentNames.names(for: paths) == names)
    }

    @Test func aSubmissionGivenTwiceIsRefused() {
        #expect(throws: DescentError.self) { try StudentNames.names(for: ["a/x", "a/./x/"]) }
    }

    /// Every student is in exactly one shard, in order, and shards differ in size by one at most.
    @Test(arguments: [(30, 4), (3, 5), (1, 1), (1000, 7)])
    func shardsCoverTheClassOnce(_ students: Int, _ count: Int) throws {
        let slices = try (1...count).map { try #require(ClassShard("\($0)/\(count)")).positions(of: students) }
        #expect(slices.flatMap { Array($0) } == Array(0..<students))
        let sizes = slices.map(\.count)
        #expect((sizes.max() ?? 0) - (sizes.min() ?? 0) <= 1)
    }

    @Test(arguments: ["0/4", "5/4", "1/0", "1", "a/b", "1/2/3", "-1/2"])
    func badShardsAreRefused(_ text: String) {
        #expect(ClassShard(text) == nil)
    }
}

/// What a student's file names is printed without a terminal's escape sequences.
@Test func namesFromAStudentsFileArePrintable() {
    #expect(Grader.printable("id\u{1B}[2J\u{7}x") == "id?[2J?x")
    #expect(Grader.printable(String(repeating: "é", count: 300)).count == 100)
}
