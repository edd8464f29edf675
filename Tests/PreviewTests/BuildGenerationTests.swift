import Testing

@testable import Preview

/// The build number pages wait on.
@Suite struct BuildGenerationTests {
    @Test func aPageOfAnOlderBuildIsAnsweredAtOnce() async {
        let generation = BuildGeneration()
        generation.advance(problem: nil)
        generation.advance(problem: "broken")
        #expect(await generation.wait(after: 1, timeout: .seconds(60)) == 2)
        #expect(generation.state == (2, "broken"))
    }

    @Test func aWaitingPageIsWokenByTheNextBuild() async {
        let generation = BuildGeneration()
        generation.advance(problem: nil)
        async let answer = generation.wait(after: 1, timeout: .seconds(60))
        try? await Task.sleep(for: .milliseconds(100))
        generation.advance(problem: nil)
        #expect(await answer == 2)
        #expect(generation.state == (2, nil))
    }

    @Test func aWaitEndsAfterItsTimeoutWithTheSameBuild() async {
        let generation = BuildGeneration()
        generation.advance(problem: nil)
        let started = ContinuousClock.now
        #expect(await generation.wait(after: 1, timeout: .milliseconds(200)) == 1)
        #expect(ContinuousClock.now - started >= .milliseconds(200))
    }

    @Test func stoppingReleasesEveryWaitingPage() async {
        let generation = BuildGeneration()
        async let first = generation.wait(after: 0, timeout: .seconds(60))
        async let second = generation.wait(after: 0, timeout: .seconds(60))
        try? await Task.sleep(for: .milliseconds(100))
        generation.releaseAll()
        #expect(await [first, second] == [0, 0])
    }
}
