// swift-tools-version: 6.0
import PackageDescription

// The pipeline: LessonParser (cmark AST → Lesson) → LessonRunner (generate Swift →
// swiftc → run → outputs, figures, verdicts) → SiteRenderer (HTML), driven over a course by
// CourseDriver. DescentCore and Plotting are what lesson programs import; they know nothing
// of lessons or HTML.
//
// Supported: Linux with glibc only (built and tested on x86-64 Debian/Ubuntu). The tool finds
// itself through /proc/self/exe, lesson programs run glibc's libm, and grading needs
// bubblewrap and cgroup v2. SwiftPM cannot declare "Linux only", so no `platforms` is listed:
// listing macOS would claim a system the code is neither built nor tested on.
let package = Package(
    name: "Descent",
    products: [
        .executable(name: "descent", targets: ["descent"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/swiftlang/swift-syntax", from: "602.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // descent serve's HTTP server: no SwiftNIO, so it adds seconds to a clean build, not minutes.
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        // C libraries, each behind one system-library target.
        .systemLibrary(name: "CCmark", pkgConfig: "libcmark", providers: [.apt(["libcmark-dev"])]),
        .systemLibrary(name: "COpenBLAS", pkgConfig: "openblas", providers: [.apt(["libopenblas-dev"])]),

        // What lesson programs import. DescentCore is optimised in debug builds too, where its
        // SIMD loops would otherwise run some fifteen times slower (its tests train networks);
        // its checks keep their messages, as in the build lessons link (LessonLibraries).
        .target(
            name: "DescentCore", dependencies: ["COpenBLAS"],
            swiftSettings: [.unsafeFlags(["-O", "-assert-config", "Debug"], .when(configuration: .debug))]),
        .target(name: "Plotting"),
        .target(name: "LessonRuntime", dependencies: ["DescentCore", "Plotting"]),

        // The tool's pipeline stages.
        .target(name: "CommonMark", dependencies: ["CCmark"]),
        .target(name: "LessonParser", dependencies: ["CommonMark", "Yams"]),
        .target(name: "LessonRunner", dependencies: ["LessonParser", "LessonRuntime"]),
        .target(
            name: "SiteRenderer",
            dependencies: ["LessonParser", "LessonRunner", "LessonRuntime", "CommonMark", "Grading"]),
        .target(
            name: "Grading",
            dependencies: [
                "LessonParser", "LessonRunner",
                .product(name: "SwiftSyntax", package: "swift-syntax"),
                .product(name: "SwiftParser", package: "swift-syntax"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]),
        .target(
            name: "CourseDriver",
            dependencies: ["LessonParser", "LessonRunner", "SiteRenderer", "Grading", "CommonMark"]),
        .target(name: "Benchmarks", dependencies: ["DescentCore"]),
        // descent serve: the HTTP server, the lessons folder's watcher and the reload script.
        .target(name: "Preview", dependencies: [.product(name: "FlyingFox", package: "FlyingFox")]),
        .target(
            name: "DescentCLI",
            dependencies: [
                "CourseDriver", "LessonParser", "LessonRunner", "SiteRenderer", "Grading", "Benchmarks", "Preview",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .executableTarget(name: "descent", dependencies: ["DescentCLI", "DescentCore", "Plotting", "LessonRuntime"]),

        .testTarget(name: "DescentCoreTests", dependencies: ["DescentCore"]),
        .testTarget(name: "PlottingTests", dependencies: ["Plotting"], resources: [.copy("Golden")]),
        .testTarget(name: "LessonParserTests", dependencies: ["LessonParser"]),
        .testTarget(name: "LessonRunnerTests", dependencies: ["LessonRunner", "LessonParser"]),
        .testTarget(
            name: "SiteRendererTests", dependencies: ["SiteRenderer", "LessonParser", "LessonRunner", "CommonMark"]),
        .testTarget(
            name: "GradingTests",
            dependencies: [
                "Grading", "LessonParser", "LessonRunner", "LessonRuntime", "DescentCore",
                .product(name: "SwiftParser", package: "swift-syntax"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["descent", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            exclude: ["Fixtures"]),
        .testTarget(name: "CourseDriverTests", dependencies: ["CourseDriver", "LessonParser"]),
        .testTarget(name: "PreviewTests", dependencies: ["Preview"]),
    ]
)
