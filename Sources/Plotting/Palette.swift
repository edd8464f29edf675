/// The Okabe–Ito palette, distinguishable under the common forms of colour blindness
/// (Okabe & Ito, "Color Universal Design", 2008). Its black is left out: black is the text
/// colour, and it would vanish in dark mode.
///
/// Series and classes take colours in this order; the i-th draws inside a group of class
/// `c<i mod 7>`, which sets CSS `color`, and its marks paint with `currentColor`.
enum Palette {
    static let colors = [
        "#0072B2",  // blue
        "#D55E00",  // vermillion
        "#009E73",  // bluish green
        "#E69F00",  // orange
        "#CC79A7",  // reddish purple
        "#56B4E9",  // sky blue
        "#F0E442",  // yellow
    ]

    /// The CSS class of the i-th colour.
    static func className(_ index: Int) -> String { "c\(index % colors.count)" }

    /// One stylesheet rule per colour: (".c0", "color:#0072B2") …
    static var rules: [(String, String)] {
        colors.indices.map { ("." + className($0), "color:" + colors[$0]) }
    }
}
