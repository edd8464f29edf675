/// The stylesheet every figure embeds: text and axes in `currentColor`, which is near-black
/// on white and near-white on near-black when the reader prefers a dark colour scheme.
///
/// Every rule is scoped under the root's class, so a figure inlined into a page neither
/// takes styles from it nor gives any. Background: #ffffff light, #121212 dark (match
/// these in the page around the figure).
enum Stylesheet {
    /// The class of every figure's root `<svg>`.
    static let rootClass = "descent-plot"

    static var css: String {
        scoped(light) + "@media (prefers-color-scheme:dark){" + scoped(dark) + "}"
    }

    /// Selector (within the figure; empty for the root itself) and declarations.
    private static let light: [(String, String)] =
        [
            (
                "",
                "color:#1f2328;font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,\"Noto Sans\","
                    + "\"Noto Sans CJK TC\",\"PingFang TC\",\"Microsoft JhengHei\",sans-serif;font-size:13px"
            ),
            (".bg", "fill:#fff"),
            ("text", "fill:currentColor"),
            (".title", "font-size:15px;font-weight:600"),
            (".subtitle", "font-size:13px;font-weight:600"),
            (".label", "font-size:13px"),
            (".tick", "font-size:12px;font-variant-numeric:tabular-nums"),
            (".note", "font-size:11px;fill-opacity:.75"),
            (
                ".clabel",
                "font-size:10px;fill-opacity:.8;paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round"
            ),
            (".cell", "font-size:11px;font-variant-numeric:tabular-nums"),
            (".on-dark", "fill:#fff"),
            (".on-light", "fill:#000"),
            (".axis", "stroke:currentColor;fill:none"),
            (".grid", "stroke:currentColor;stroke-opacity:.12"),
            (".line", "fill:none;stroke:currentColor;stroke-width:2;stroke-linejoin:round;stroke-linecap:round"),
            (".thin", "stroke-width:1.25"),
            (".dashed", "stroke-dasharray:6 4"),
            (".dotted", "stroke-dasharray:1.5 3.5"),
            (".contour", "fill:none;stroke:currentColor;stroke-opacity:.4;stroke-width:1"),
            (".mark", "fill:currentColor;stroke:#fff;stroke-width:.75"),
            (".ring", "fill:none;stroke:currentColor;stroke-width:2"),
            (".bar", "fill:currentColor;fill-opacity:.85"),
            (".region", "fill:currentColor;fill-opacity:.22"),
            (".boundary", "fill:none;stroke:currentColor;stroke-opacity:.6;stroke-width:1.25"),
            (".empty", "fill:currentColor;fill-opacity:.08"),
        ] + Palette.rules

    private static let dark: [(String, String)] = [
        ("", "color:#e6edf3"),
        (".bg", "fill:#121212"),
        (".mark", "stroke:#121212"),
        (".clabel", "stroke:#121212"),
        (".grid", "stroke-opacity:.18"),
        (".region", "fill-opacity:.3"),
    ]

    /// `.descent-plot{…}.descent-plot .bg{…}…`
    private static func scoped(_ rules: [(String, String)]) -> String {
        rules.map { "." + rootClass + ($0.0.isEmpty ? "" : " " + $0.0) + "{" + $0.1 + "}" }.joined()
    }
}
