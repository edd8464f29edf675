// MARK: - Transpose

public extension Matrix {
    /// The transpose Aᵀ, with (Aᵀ)ᵢⱼ = Aⱼᵢ: an m×n matrix becomes n×m.
    var T: Matrix {
        var result = Matrix(rows: columns, columns: rows)
        for i in 0..<rows {
            for j in 0..<columns { result.elements[j * rows + i] = elements[i * columns + j] }
        }
        return result
    }
}
