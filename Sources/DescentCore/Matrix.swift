/// A dense matrix of `Double`s stored row by row.
///
/// A batch of B samples with N features is a B×N matrix X: row i is sample i, so a linear
/// layer computes Y = XW + b with W of shape N×M and the bias row b (1×M) added to every row.
/// Element (i, j) lives at `elements[i * columns + j]`.
public struct Matrix: Equatable, Sendable {
    /// Number of rows.
    public let rows: Int
    /// Number of columns.
    public let columns: Int
    /// The elements in row-major order: row 0, then row 1, …
    public internal(set) var elements: [Double]

    /// A `rows`×`columns` matrix from its elements in row-major order.
    public init(rows: Int, columns: Int, elements: [Double]) {
        precondition(rows >= 0 && columns >= 0, "a matrix cannot have shape \(rows)×\(columns)")
        precondition(
            elements.count == rows * columns,
            "\(elements.count) elements cannot fill a \(rows)×\(columns) matrix")
        self.rows = rows
        self.columns = columns
        self.elements = elements
    }
}

// MARK: - Creating matrices

public extension Matrix {
    /// A `rows`×`columns` matrix with every element equal to `value`.
    init(rows: Int, columns: Int, repeating value: Double = 0) {
        precondition(rows >= 0 && columns >= 0, "a matrix cannot have shape \(rows)×\(columns)")
        self.init(rows: rows, columns: columns, elements: Array(repeating: value, count: rows * columns))
    }

    /// A matrix from a list of rows, e.g. `Matrix([[1, 2], [3, 4]])`.
    init(_ rowList: [[Double]]) {
        let columns = rowList.first?.count ?? 0
        for (i, row) in rowList.enumerated() {
            precondition(
                row.count == columns, "row \(i) has \(row.count) elements, row 0 has \(columns)")
        }
        self.init(rows: rowList.count, columns: columns, elements: rowList.flatMap { $0 })
    }

    /// A 1×n row vector.
    init(row: [Double]) {
        self.init(rows: 1, columns: row.count, elements: row)
    }

    /// An n×1 column vector.
    init(column: [Double]) {
        self.init(rows: column.count, columns: 1, elements: column)
    }

    /// The n×n identity matrix I, with Iᵢᵢ = 1 and zeros elsewhere.
    static func identity(_ n: Int) -> Matrix {
        var result = Matrix(rows: n, columns: n)
        for i in 0..<n { result[i, i] = 1 }
        return result
    }
}

// MARK: - Shape and elements

public extension Matrix {
    /// The shape (rows, columns).
    var shape: (rows: Int, columns: Int) { (rows, columns) }

    /// Number of elements, rows × columns.
    var count: Int { elements.count }

    /// Element (i, j): row i, column j, both counted from 0.
    subscript(i: Int, j: Int) -> Double {
        get {
            precondition(i >= 0 && i < rows && j >= 0 && j < columns, "index (\(i), \(j)) is outside \(shapeText)")
            return elements[i * columns + j]
        }
        set {
            precondition(i >= 0 && i < rows && j >= 0 && j < columns, "index (\(i), \(j)) is outside \(shapeText)")
            elements[i * columns + j] = newValue
        }
    }

    /// Row i as an array.
    func row(_ i: Int) -> [Double] {
        precondition(i >= 0 && i < rows, "row \(i) is outside \(shapeText)")
        return Array(elements[i * columns..<(i + 1) * columns])
    }

    /// Column j as an array.
    func column(_ j: Int) -> [Double] {
        precondition(j >= 0 && j < columns, "column \(j) is outside \(shapeText)")
        return (0..<rows).map { elements[$0 * columns + j] }
    }

    /// The rows at the given indices, in that order: how a mini-batch is cut from a data set.
    func rows(at indices: [Int]) -> Matrix {
        var result = Matrix(rows: indices.count, columns: columns)
        for (r, i) in indices.enumerated() {
            precondition(i >= 0 && i < rows, "row \(i) is outside \(shapeText)")
            result.elements.replaceSubrange(
                r * columns..<(r + 1) * columns, with: elements[i * columns..<(i + 1) * columns])
        }
        return result
    }

    /// The shape written as "rows×columns", as it appears in error messages.
    var shapeText: String { "\(rows)×\(columns)" }
}

// MARK: - Storage to be written over, for the training hot path

extension Matrix {
    /// Makes this a `rows`×`columns` matrix whose every element the caller is about to
    /// overwrite: the storage is kept when the shape already fits, and otherwise replaced by
    /// storage that is not zeroed first.
    mutating func reshape(toOverwrite rows: Int, _ columns: Int) {
        guard self.rows != rows || self.columns != columns else { return }
        self = Matrix(
            rows: rows, columns: columns,
            elements: Array(unsafeUninitializedCapacity: rows * columns) { _, count in count = rows * columns })
    }
}
