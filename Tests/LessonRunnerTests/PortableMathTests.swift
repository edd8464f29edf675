import Testing

@testable import LessonRunner

/// Lesson programs get glibc's portable libm path, and a choice the user made is kept.
@Suite struct PortableMathTests {
    @Test func withoutTunablesTheFMACodeIsTurnedOff() {
        var environment: [String: String] = [:]
        PortableMath.apply(to: &environment)
        #expect(environment["GLIBC_TUNABLES"] == "glibc.cpu.hwcaps=-AVX2,-FMA,-FMA4")
    }

    @Test func otherTunablesAreKeptBesideIt() {
        var environment = ["GLIBC_TUNABLES": "glibc.malloc.check=3"]
        PortableMath.apply(to: &environment)
        #expect(environment["GLIBC_TUNABLES"] == "glibc.malloc.check=3:glibc.cpu.hwcaps=-AVX2,-FMA,-FMA4")
    }

    @Test func hardwareCapabilitiesTheUserChoseAreKept() {
        var environment = ["GLIBC_TUNABLES": "glibc.cpu.hwcaps=-AVX512F"]
        PortableMath.apply(to: &environment)
        #expect(environment["GLIBC_TUNABLES"] == "glibc.cpu.hwcaps=-AVX512F")
    }
}
