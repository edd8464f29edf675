/// The `id`s of one page: heading anchors made from heading text, each claimed once.
///
/// An anchor is the heading's text in lower case with letters (of any script) and digits
/// kept, spaces and hyphens as `-`, and everything else dropped, as GitHub makes them:
/// "Gradient descent, step by step" is `gradient-descent-step-by-step`, "梯度下降" is
/// `梯度下降`. Anchors never contain upper-case letters, so the page's own ids (`Contents`,
/// `L41` for the block at line 41) never collide with them.
struct Anchors {
    private var claimed: [String: Int] = [:]

    /// The anchor for a heading with `text` at `line`, and the line of an earlier heading
    /// that already had it, if any; then the anchor gets `-2`, `-3`… so ids stay unique.
    mutating func claim(_ text: String, line: Int) -> (id: String, earlierLine: Int?) {
        let base = Self.slug(text)
        guard let earlier = claimed[base] else {
            claimed[base] = line
            return (base, nil)
        }
        var suffix = 2
        while claimed["\(base)-\(suffix)"] != nil { suffix += 1 }
        claimed["\(base)-\(suffix)"] = line
        return ("\(base)-\(suffix)", earlier)
    }

    func contains(_ id: String) -> Bool {
        claimed[id] != nil
    }

    /// The anchor for `text`, `section` when nothing of it is kept.
    static func slug(_ text: String) -> String {
        var slug = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber || character == "_" {
                slug.append(character)
            } else if character == " " || character == "-", slug.last != "-" {
                slug.append("-")
            }
        }
        let trimmed = slug.drop { $0 == "-" }.reversed().drop { $0 == "-" }.reversed()
        return trimmed.isEmpty ? "section" : String(trimmed)
    }
}
