/// Lesson programs run glibc's libm on one code path on every x86-64 CPU.
///
/// glibc chooses, by the CPU it runs on, an FMA build of `exp`, `log`, `pow`, `sin`, … or
/// its SSE2 build; on a few inputs in a thousand their results differ in the last bit, and a
/// training run of thousands of steps carries such a bit into other curves, figures and
/// printed epochs. So lesson programs are told to use no AVX2, FMA or FMA4 code
/// (`GLIBC_TUNABLES=glibc.cpu.hwcaps=-AVX2,-FMA,-FMA4`, the path every x86-64 CPU has), unless
/// the user already chose hardware capabilities there, which is kept. Other tunables the
/// user set are kept beside it.
enum PortableMath {
    static let hardwareCapabilities = "glibc.cpu.hwcaps=-AVX2,-FMA,-FMA4"

    static func apply(to environment: inout [String: String]) {
        let tunables = environment["GLIBC_TUNABLES"] ?? ""
        guard !tunables.contains("glibc.cpu.hwcaps") else { return }
        environment["GLIBC_TUNABLES"] = tunables.isEmpty ? hardwareCapabilities : tunables + ":" + hardwareCapabilities
    }
}
