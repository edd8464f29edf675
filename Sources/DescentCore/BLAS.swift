internal import COpenBLAS

#if canImport(Glibc)
    import Glibc
#endif

/// The BLAS behind large matrix products: OpenBLAS, with a kernel that fits the CPU.
///
/// OpenBLAS built for many CPUs (Debian's `DYNAMIC_ARCH` build) picks its kernel when it is
/// loaded, from the CPU's model number. On a CPU newer than the library it does not know the
/// model and falls back to a generic kernel ("Prescott" on x86-64, SSE2 without FMA, several
/// times below peak; "armv8" on arm64). Before the first product, `BLAS` looks once: if the
/// user did not name a kernel in `OPENBLAS_CORETYPE` and the library fell back, it switches
/// the library to the best kernel the CPU's features allow. A value the user set is never
/// overridden, and a kernel the library chose itself is kept.
public enum BLAS {
    /// The library and its version, e.g. "OpenBLAS 0.3.21".
    public static var library: String {
        _ = kernelChosen
        let configuration = String(cString: openblas_get_config())
        return configuration.split(separator: " ").prefix(2).joined(separator: " ")
    }

    /// The kernel (OpenBLAS's core name) that large products run on, e.g. "Haswell".
    public static var kernel: String {
        _ = kernelChosen
        return String(cString: openblas_get_corename())
    }

    /// How many threads a large product is split over.
    public static var threads: Int {
        _ = kernelChosen
        return Int(openblas_get_num_threads())
    }

    /// C ← op(A)·op(B) by `cblas_dgemm`, C already m×n.
    static func multiply(
        _ a: Matrix, _ transposingA: Bool, _ b: Matrix, _ transposingB: Bool, into c: inout Matrix, m: Int, k: Int,
        n: Int
    ) {
        _ = kernelChosen
        a.elements.withUnsafeBufferPointer { a in
            b.elements.withUnsafeBufferPointer { b in
                c.elements.withUnsafeMutableBufferPointer { c in
                    cblas_dgemm(
                        CblasRowMajor, transposingA ? CblasTrans : CblasNoTrans,
                        transposingB ? CblasTrans : CblasNoTrans,
                        Int32(m), Int32(n), Int32(k), 1, a.baseAddress, Int32(transposingA ? m : k),
                        b.baseAddress, Int32(transposingB ? k : n), 0, c.baseAddress, Int32(n))
                }
            }
        }
    }

    // MARK: - Choosing the kernel

    /// Runs once, before the library's first use in this process.
    private static let kernelChosen: Void = {
        let environment = getenv("OPENBLAS_CORETYPE").map { String(cString: $0) }
        let chosen = String(cString: openblas_get_corename())
        if let better = betterKernel(userSetting: environment, libraryChoice: chosen, cpuFeatures: cpuFeatures()) {
            switchKernel(to: better)
        }
    }()

    /// The kernel to switch to, or nil to keep the library's: one only when the user set none
    /// and the library fell back to its generic kernel on a CPU whose features allow a better.
    ///
    /// x86-64: AVX-512 (F, DQ, BW, VL) → "SkylakeX"; AVX2 with FMA → "Haswell"; AVX →
    /// "Sandybridge". arm64: the dot-product instructions (Armv8.2 and later) → "NeoverseN1".
    /// `cpuFeatures` are the words of the "flags" (x86-64) or "Features" (arm64) line of
    /// /proc/cpuinfo, which name only what the kernel lets programs use; read only when needed.
    static func betterKernel(
        userSetting: String?, libraryChoice: String, cpuFeatures readFeatures: @autoclosure () -> Set<String>
    ) -> String? {
        guard userSetting == nil else { return nil }
        switch libraryChoice.lowercased() {
        case "prescott":
            let cpuFeatures = readFeatures()
            if cpuFeatures.isSuperset(of: ["avx512f", "avx512dq", "avx512bw", "avx512vl"]) { return "SkylakeX" }
            if cpuFeatures.isSuperset(of: ["avx2", "fma"]) { return "Haswell" }
            if cpuFeatures.contains("avx") { return "Sandybridge" }
            return nil
        case "armv8":
            return readFeatures().contains("asimddp") ? "NeoverseN1" : nil
        default:
            return nil
        }
    }

    /// The CPU's features as /proc/cpuinfo lists them for its first processor; empty when it
    /// cannot be read (then no kernel is switched).
    private static func cpuFeatures() -> Set<String> {
        guard let file = fopen("/proc/cpuinfo", "r") else { return [] }
        defer { fclose(file) }
        var line: UnsafeMutablePointer<CChar>?
        var capacity = 0
        defer { free(line) }
        while getline(&line, &capacity, file) > 0, let bytes = line {
            let text = String(cString: bytes)
            guard text.hasPrefix("flags") || text.hasPrefix("Features"), let colon = text.firstIndex(of: ":") else {
                continue
            }
            return Set(text[text.index(after: colon)...].split(whereSeparator: \.isWhitespace).map(String.init))
        }
        return []
    }

    /// Makes OpenBLAS choose its kernel again with `OPENBLAS_CORETYPE` set to `name`, then
    /// removes the variable, so programs this process starts choose for themselves.
    /// `gotoblas_dynamic_quit` and `gotoblas_dynamic_init` exist only in a library built for
    /// many CPUs; one built for a single CPU has no choice to correct, and is left alone.
    private static func switchKernel(to name: String) {
        typealias Routine = @convention(c) () -> Void
        guard let quit = dlsym(nil, "gotoblas_dynamic_quit"), let initialize = dlsym(nil, "gotoblas_dynamic_init")
        else { return }
        setenv("OPENBLAS_CORETYPE", name, 1)
        unsafeBitCast(quit, to: Routine.self)()
        unsafeBitCast(initialize, to: Routine.self)()
        unsetenv("OPENBLAS_CORETYPE")
    }
}
