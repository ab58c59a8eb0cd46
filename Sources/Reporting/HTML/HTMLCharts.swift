import PortcullisCore

/// Horizontal bar charts as numbers for the template to draw as inline SVG (no scripts, no images to fetch).
///
/// The template owns the shapes; this only computes each bar's label, count, position and width.
struct HTMLBarChart {
    /// One labelled bar.
    struct Bar {
        var label: String
        var count: Int
        /// A CSS class suffix choosing the colour (a severity or `family`).
        var style: String
    }

    /// Pixels the longest bar spans.
    static let barSpan = 300
    /// Pixels per row.
    static let rowHeight = 24
    /// Pixels left of the bars for the labels.
    static let labelWidth = 130

    var bars: [Bar]

    /// The chart as a Mustache view: `height`, and `bars` each with `label`, `count`, `y`, `textY`, `width`,
    /// `countX`, `style`.
    var view: [String: Any] {
        let largest = max(1, bars.map(\.count).max() ?? 0)
        let rows: [[String: Any]] = bars.enumerated().map { index, bar in
            let width = bar.count == 0 ? 0 : max(2, bar.count * Self.barSpan / largest)
            return [
                "label": bar.label,
                "count": bar.count,
                "style": bar.style,
                "x": Self.labelWidth,
                "y": index * Self.rowHeight + 4,
                "textY": index * Self.rowHeight + 17,
                "width": width,
                "countX": Self.labelWidth + width + 6,
            ]
        }
        return [
            "height": max(1, bars.count) * Self.rowHeight + 8,
            "width": Self.labelWidth + Self.barSpan + 80,
            "bars": rows,
        ]
    }

    /// Active findings per severity, most severe first.
    static func severities(_ counts: FindingCounts) -> HTMLBarChart {
        HTMLBarChart(
            bars: Severity.allCases.reversed().map {
                Bar(label: $0.rawValue, count: counts.bySeverity[$0] ?? 0, style: $0.rawValue)
            }
        )
    }

    /// Active findings per check family, in the catalog's family order.
    static func families(_ counts: FindingCounts) -> HTMLBarChart {
        HTMLBarChart(
            bars: Family.allCases.map { Bar(label: $0.rawValue, count: counts.byFamily[$0] ?? 0, style: "family") }
        )
    }
}
