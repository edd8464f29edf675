import ArgumentParser
import CourseDriver
import Foundation
import LessonRunner
import Preview

/// The course as `descent serve` builds it: the implementation of the preview's one seam
/// with the pipeline (`SiteRebuild`). It keeps each lesson's last outcome, runs again only
/// the lessons that changed (and any new one), and renders the whole site into the served
/// folder, which `OutputFolder` replaces in one step.
final class ServedCourse {
    let options: LessonOptions
    let folder: OutputFolder
    /// Each lesson's last outcome, by its file (as `LessonOptions.lessonFiles` names it).
    private var outcomes: [String: LessonOutcome] = [:]

    init(options: LessonOptions, folder: OutputFolder) {
        self.options = options
        self.folder = folder
    }

    /// Runs what `changes` calls for and writes the site; failing blocks are reported on the
    /// terminal at their file:line and marked on their pages, and the site is written all the
    /// same. A build that cannot write the site (say, KaTeX is missing) leaves the previous
    /// one and reports why.
    func rebuild(_ changes: SourceChanges) -> BuildReport {
        let started = DispatchTime.now()
        do {
            let files = try options.lessonFiles([])
            let changed: [String]
            switch changes {
            case .all: changed = files
            case .files(let paths):
                let named = Set(paths.map { (options.lessons as NSString).appendingPathComponent($0) })
                changed = files.filter { named.contains($0) || outcomes[$0] == nil }
            }
            let rerun = try options.driver().run(changed, overrides: try options.overrideTexts(), choices: true)
            rerun.forEach(Report.failures)
            for outcome in rerun {
                outcomes[outcome.file] = outcome
            }
            outcomes = outcomes.filter { files.contains($0.key) }
            let built = files.compactMap { outcomes[$0] }
            let site = try SitePublisher.publish(built, lessons: options.lessons, to: folder)
            do {
                try Report.site(site, in: folder.path, of: built)
            } catch let code as ExitCode where code == .failure {
                // Blocks failed or the site has errors: reported, and the site is written.
            }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
            let ran = changed.isEmpty ? "no lesson run" : "ran \(changed.joined(separator: ", "))"
            Report.info("built in \(String(format: "%.2f", seconds)) s (\(ran))")
            return BuildReport()
        } catch {
            print("error: \(error) (the previous build is still served)")
            return BuildReport(problem: "\(error)")
        }
    }
}
