import Foundation
import Testing

/// The course's site does not depend on the CPU it is built on: built once as on an old
/// x86-64 CPU (OpenBLAS's SSE2 kernel "Prescott", and glibc told to use no AVX2 or FMA code,
/// so exp and log take their other code paths) and once as on a recent one (the AVX2 and
/// FMA kernel "Haswell" and glibc's FMA code), every file of it is the same to the byte.
/// Products up to 64³ multiply-adds never reach the BLAS, and lessons print what they
/// compute from larger products or long chains of exp and log rounded. That the two
/// settings do give different last digits is shown on a fixture that prints a large
/// product in full. Both kernels are x86-64's, so the tests run there.
@Suite(.enabled(if: isX86_64)) struct KernelIndependenceTests {
    @Test func theCourseSiteIsTheSameOnAnOldAndARecentCPU() throws {
        let sites = try Self.sites(of: DescentBinary.packageRoot.appendingPathComponent("lessons"))
        #expect(!sites[0].isEmpty)
        #expect(sites[0].keys.sorted() == sites[1].keys.sorted())
        for (path, bytes) in sites[0].sorted(by: { $0.key < $1.key }) {
            #expect(sites[1][path] == bytes, "\(path) differs between the old and the recent CPU")
        }
    }

    @Test func aLargeProductPrintedInFullDiffersBetweenThem() throws {
        let sites = try Self.sites(of: DescentBinary.fixture("kernel-dependent"))
        let page = "/01-large-product.html"
        #expect(sites[0][page] != nil && sites[0][page] != sites[1][page])
    }

    /// The site built from a copy of the lessons in `folder`, as on each machine in turn.
    private static func sites(of folder: URL) throws -> [[String: Data]] {
        let copy = try DescentBinary.copy(of: folder)
        let machines = [
            "Prescott": ["OPENBLAS_CORETYPE": "Prescott", "GLIBC_TUNABLES": "glibc.cpu.hwcaps=-AVX2,-FMA"],
            "Haswell": ["OPENBLAS_CORETYPE": "Haswell"],
        ]
        return try ["Prescott", "Haswell"].map { kernel in
            let result = try DescentBinary.run(
                ["build", "--lessons", ".", "--out", "site-\(kernel)"],
                in: copy, environment: machines[kernel]!)
            #expect(result.status == 0, "\(kernel): \(result.stdout)\(result.stderr)")
            return try files(in: copy.appendingPathComponent("site-\(kernel)"))
        }
    }

    /// Every file under `folder`, by its path inside it.
    private static func files(in folder: URL) throws -> [String: Data] {
        var found: [String: Data] = [:]
        for case let file as URL in FileManager.default.enumerator(
            at: folder, includingPropertiesForKeys: [.isRegularFileKey]) ?? .init()
        where (try file.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
            found[String(file.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count))] = try Data(
                contentsOf: file)
        }
        return found
    }
}

#if arch(x86_64)
    private let isX86_64 = true
#else
    private let isX86_64 = false
#endif
