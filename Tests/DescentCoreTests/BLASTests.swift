import Testing

@testable import DescentCore

@Suite struct BLASTests {
    static let avx512 = Set(["sse2", "avx", "avx2", "fma", "avx512f", "avx512dq", "avx512bw", "avx512vl"])

    @Test func aGenericFallbackIsReplacedByTheBestKernelTheFeaturesAllow() {
        #expect(BLAS.betterKernel(userSetting: nil, libraryChoice: "Prescott", cpuFeatures: Self.avx512) == "SkylakeX")
        #expect(
            BLAS.betterKernel(userSetting: nil, libraryChoice: "Prescott", cpuFeatures: ["sse2", "avx", "avx2", "fma"])
                == "Haswell")
        #expect(
            BLAS.betterKernel(userSetting: nil, libraryChoice: "Prescott", cpuFeatures: ["sse2", "avx"])
                == "Sandybridge")
        #expect(
            BLAS.betterKernel(userSetting: nil, libraryChoice: "armv8", cpuFeatures: ["fp", "asimd", "asimddp"])
                == "NeoverseN1")
    }

    @Test func aKernelTheUserSetIsNeverOverridden() {
        #expect(BLAS.betterKernel(userSetting: "Prescott", libraryChoice: "Prescott", cpuFeatures: Self.avx512) == nil)
        #expect(BLAS.betterKernel(userSetting: "Haswell", libraryChoice: "Haswell", cpuFeatures: Self.avx512) == nil)
    }

    @Test func aKernelTheLibraryChoseIsKept() {
        #expect(BLAS.betterKernel(userSetting: nil, libraryChoice: "Haswell", cpuFeatures: Self.avx512) == nil)
        #expect(BLAS.betterKernel(userSetting: nil, libraryChoice: "Zen", cpuFeatures: Self.avx512) == nil)
    }

    @Test func withoutBetterFeaturesTheFallbackStays() {
        #expect(BLAS.betterKernel(userSetting: nil, libraryChoice: "Prescott", cpuFeatures: ["sse2", "sse3"]) == nil)
        #expect(BLAS.betterKernel(userSetting: nil, libraryChoice: "Prescott", cpuFeatures: []) == nil)
        #expect(BLAS.betterKernel(userSetting: nil, libraryChoice: "armv8", cpuFeatures: ["fp", "asimd"]) == nil)
    }

    @Test func itNamesTheLibraryItsKernelAndItsThreads() {
        #expect(BLAS.library.hasPrefix("OpenBLAS "))
        #expect(!BLAS.kernel.isEmpty && BLAS.kernel != "Unknown")
        #expect(BLAS.threads >= 1)
    }
}
